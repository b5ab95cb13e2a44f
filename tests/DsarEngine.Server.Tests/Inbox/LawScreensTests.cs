using DsarEngine.Server.Inbox.Components.Pages.Settings;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// The services behind Settings → Applicable law and Identity checks (the staff API's too): an admin's change takes effect,
// anyone else is refused by the service itself, bad input changes nothing and says which field, and an organisation
// changes only its own. And the law screen and the regimes screen tell the same story about the jurisdiction.
public sealed class LawScreensTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static T Service<T>() where T : notnull => Engine.Services.GetRequiredService<T>();

    private static TenantLawBody Law(params (string Regime, string Scope, string[]? Places)[] regimes) => new()
    {
        Regimes = [.. regimes.Select(r => new DeclaredRegimeBody { Regime = r.Regime, Scope = r.Scope, Locations = r.Places })],
    };

    private static readonly TenantLawBody GdprAndCcpa =
        Law(("gdpr", RegimeScopes.Establishment, null), ("ccpa", RegimeScopes.Residence, ["US-CA"]));

    private static readonly IdentityPolicy ManualByPost = new([new IdentityRule(IdentityChecks.Manual, "erasure", "post")]);

    private static async Task<(string? Law, IdentityPolicy? Policy)> SettingsOfAsync(TestTenant tenant) =>
        ((await Service<TenantStore>().FindAsync(tenant.Id, CancellationToken.None))!.ApplicableLaw,
            await Service<IdentityPolicyStore>().FindAsync(tenant.Id, CancellationToken.None));

    [Test]
    public async Task An_admin_declares_the_law_and_the_identity_checks_and_both_read_back()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var law = await Service<LawSettingsAdmin>().SaveAsync(admin, GdprAndCcpa, CancellationToken.None);
        var policy = await Service<IdentityPolicyAdmin>().SaveAsync(admin, ManualByPost with { Otherwise = IdentityChecks.None },
            CancellationToken.None);
        var readLaw = await Service<LawSettingsAdmin>().FindAsync(tenant.Id, CancellationToken.None);
        var (_, readPolicy) = await SettingsOfAsync(tenant);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((law.Outcome, policy.Outcome), Is.EqualTo((SettingsChange.Done, SettingsChange.Done)),
                law.Message + policy.Message);
            Assert.That(readLaw!.Regimes!.Select(r => (r.Regime, r.Scope, string.Join(",", r.Locations ?? []))),
                Is.EqualTo(new[] { ("gdpr", "establishment", ""), ("ccpa", "residence", "US-CA") }));
            Assert.That(readPolicy!.Rules, Is.EqualTo(ManualByPost.Rules));
            Assert.That(readPolicy.Otherwise, Is.EqualTo(IdentityChecks.None));
        }
    }

    [TestCase(StaffRoles.PrivacyOfficer)]
    [TestCase(StaffRoles.Agent)]
    [TestCase(StaffRoles.Auditor)]
    public async Task Only_an_admin_may_change_the_law_or_the_identity_checks(string role)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var by = AccountPages.Principal(tenant, role);
        var before = await SettingsOfAsync(tenant);
        var law = await Service<LawSettingsAdmin>().SaveAsync(by, GdprAndCcpa, CancellationToken.None);
        var policy = await Service<IdentityPolicyAdmin>().SaveAsync(by, ManualByPost, CancellationToken.None);
        var after = await SettingsOfAsync(tenant);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((law.Outcome, policy.Outcome), Is.EqualTo((SettingsChange.Refused, SettingsChange.Refused)));
            Assert.That(after.Law, Is.Null);
            Assert.That(after.Policy!.Rules, Is.EqualTo(before.Policy!.Rules));
        }
    }

    [Test]
    public async Task An_admin_changes_the_law_and_identity_checks_of_their_own_organisation_only()
    {
        var mine = await TestTenant.CreateAsync(Engine);
        var theirs = await TestTenant.CreateAsync(Engine);
        var theirsBefore = await SettingsOfAsync(theirs);
        var admin = AccountPages.Principal(mine, StaffRoles.Admin);
        await Service<LawSettingsAdmin>().SaveAsync(admin, GdprAndCcpa, CancellationToken.None);
        await Service<IdentityPolicyAdmin>().SaveAsync(admin, ManualByPost, CancellationToken.None);
        var (mineLaw, minePolicy) = await SettingsOfAsync(mine);
        var (theirLaw, theirPolicy) = await SettingsOfAsync(theirs);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mineLaw, Does.Contain("ccpa"));
            Assert.That(minePolicy!.Rules, Is.EqualTo(ManualByPost.Rules));
            Assert.That(theirLaw, Is.Null);
            Assert.That(theirPolicy!.Rules, Is.EqualTo(theirsBefore.Policy!.Rules));
        }
    }

    [Test]
    public async Task A_bad_law_is_refused_with_each_field_named_and_nothing_changes()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        await Service<LawSettingsAdmin>().SaveAsync(admin, GdprAndCcpa, CancellationToken.None);
        var before = (await SettingsOfAsync(tenant)).Law;

        var placeless = await Service<LawSettingsAdmin>().SaveAsync(admin,
            Law(("gdpr", RegimeScopes.Establishment, ["FR"]), ("ccpa", RegimeScopes.Residence, ["XX-NOWHERE"])), CancellationToken.None);
        var residenceOnly = await Service<LawSettingsAdmin>().SaveAsync(admin, Law(("ccpa", RegimeScopes.Residence, ["US-CA"])),
            CancellationToken.None);
        var empty = await Service<LawSettingsAdmin>().SaveAsync(admin, Law(), CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(placeless.Errors.Keys, Is.EquivalentTo(new[] { "regimes[0].locations", "regimes[1].locations" }));
            Assert.That(LawDraft.Readable(placeless.Message), Does.Contain("Regime 1, locations: An establishment regime"));
            Assert.That(residenceOnly.Message, Does.Contain("At least one regime must apply as establishment"));
            Assert.That(empty.Errors.Keys, Is.EqualTo(new[] { "regimes" }));
            Assert.That((await SettingsOfAsync(tenant)).Law, Is.EqualTo(before));
        }
    }

    [Test]
    public async Task A_bad_identity_policy_is_refused_with_each_field_named_and_nothing_changes()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var before = (await SettingsOfAsync(tenant)).Policy!;
        var saved = await Service<IdentityPolicyAdmin>().SaveAsync(admin,
            new IdentityPolicy([new IdentityRule("fingerprint", "telepathy", "controller")], "maybe"), CancellationToken.None);
        var after = (await SettingsOfAsync(tenant)).Policy!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.Outcome, Is.EqualTo(SettingsChange.Invalid));
            Assert.That(saved.Errors.Keys,
                Is.EquivalentTo(new[] { "otherwise", "rules[0].check", "rules[0].right", "rules[0].channel" }));
            Assert.That(after.Rules, Is.EqualTo(before.Rules));
            Assert.That(after.Otherwise, Is.EqualTo(before.Otherwise));
        }
    }

    // The jurisdiction picks the regime only until the law is declared; after that it is the place of performance, so a
    // place without a regime of its own (US as a whole) is accepted and the declared law stays as it was.
    [Test]
    public async Task Once_the_law_is_declared_the_jurisdiction_only_sets_the_calendar_and_the_screens_say_so()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var clock = Service<ClockSettingsAdmin>();
        var before = await clock.SetClockAsync(admin, "US", "America/New_York", "from-receipt", CancellationToken.None);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Admin);
        var undeclaredPage = await browser.GetStringAsync("/inbox/settings/regimes");
        await Service<LawSettingsAdmin>().SaveAsync(admin, GdprAndCcpa, CancellationToken.None);
        var after = await clock.SetClockAsync(admin, "US", "America/New_York", "from-receipt", CancellationToken.None);
        var stored = await Service<TenantStore>().FindAsync(tenant.Id, CancellationToken.None);
        var law = await Service<LawSettingsAdmin>().FindAsync(tenant.Id, CancellationToken.None);
        var regimesPage = await browser.GetStringAsync("/inbox/settings/regimes");
        var lawPage = await browser.GetStringAsync("/inbox/settings/law");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before.Message, Does.Contain("US has no default regime"));
            Assert.That(undeclaredPage,
                Does.Contain("No law declared yet: the regime of the organisation").And.Contain("jurisdiction, FR ("));
            Assert.That(after.Outcome, Is.EqualTo(SettingsChange.Done), after.Message);
            Assert.That(stored!.Jurisdiction, Is.EqualTo("US"));
            Assert.That(law!.Regimes!.Select(r => r.Regime), Is.EqualTo(new[] { "gdpr", "ccpa" }));
            Assert.That(regimesPage, Does.Contain("Its jurisdiction, US").And.Contain("only sets the calendar"));
            Assert.That(lawPage, Does.Contain("Its jurisdiction, US").And.Contain("only sets the calendar"));
        }
    }

    [TestCase("/inbox/settings/law", "law-read-only", "Save the applicable law")]
    [TestCase("/inbox/settings/identity", "identity-read-only", "Save the identity checks")]
    [TestCase("/inbox/settings/retention", "retention-read-only", "Save the retention periods")]
    [TestCase("/inbox/settings/legal-holds", "holds-read-only", "Add the legal hold")]
    public async Task An_auditor_reads_a_legal_settings_screen_without_its_forms_and_an_admin_gets_them(string path, string readOnly,
        string action)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var auditor = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Auditor)).GetStringAsync(path);
        var admin = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Admin)).GetStringAsync(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(auditor, Does.Contain(readOnly).And.Not.Contain(action).And.Contain($"href=\"{path}\""));
            Assert.That(auditor, Does.Not.Contain("mud-input-control"), "an auditor is shown no field to fill");
            Assert.That(admin, Does.Contain(action).And.Not.Contain(readOnly));
        }
    }
}
