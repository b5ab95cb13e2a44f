using System.Net;
using System.Net.Http.Json;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.LegalHolds;
using DsarEngine.Server.Retention;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// The services behind Settings → Retention and Legal holds (the staff API's too): an admin's change takes effect, anyone
// else is refused by the service itself, bad input changes nothing and names the field, and an organisation changes only
// its own.
public sealed class HoldsAndRetentionScreensTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static T Service<T>() where T : notnull => Engine.Services.GetRequiredService<T>();

    private static readonly RetentionSettings Shorter = new(7, 30, 30, 180, 730);

    private static LegalHoldBody Invoices(params string[] systems) =>
        new("invoices", "Commercial Code L123-22: 10 years", null, systems);

    private static Task<IReadOnlyList<StoredLegalHold>> HoldsOf(TestTenant tenant) =>
        Service<LegalHoldStore>().ListAsync(tenant.Id, CancellationToken.None);

    private static async Task<TestTenant> WithCrmAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var crm = new ConnectorBody(["locate", "erase"], 24, true, "bus", "CRM", ["crm"], ["contact", "invoices"], [], false, null,
            new BusBinding("crm-service"));
        var saved = await Service<ConnectorAdmin>().SaveAsync(AccountPages.Principal(tenant, StaffRoles.Admin), "crm", crm,
            CancellationToken.None);
        Assert.That(saved.Result.Outcome, Is.EqualTo(SettingsChange.Done), saved.Message);
        return tenant;
    }

    [Test]
    public async Task An_admin_sets_the_retention_periods_and_adds_and_ends_a_legal_hold()
    {
        var tenant = await WithCrmAsync();
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var retention = await Service<RetentionAdmin>().SaveAsync(admin, Shorter, CancellationToken.None);
        var added = await Service<LegalHoldsAdmin>().AddAsync(admin, Invoices("crm"), CancellationToken.None);
        var inForce = await HoldsOf(tenant);
        var ended = await Service<LegalHoldsAdmin>().EndAsync(admin, added.Hold!.Id, CancellationToken.None);
        var endedTwice = await Service<LegalHoldsAdmin>().EndAsync(admin, added.Hold.Id, CancellationToken.None);
        var after = await HoldsOf(tenant);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retention.Outcome, Is.EqualTo(SettingsChange.Done), retention.Message);
            Assert.That(await Service<RetentionStore>().FindAsync(tenant.Id, CancellationToken.None), Is.EqualTo(Shorter));
            Assert.That(added.Result.Outcome, Is.EqualTo(SettingsChange.Done), added.Result.Message);
            Assert.That(inForce.Select(h => (h.Category, h.Systems.Single(), h.EndedAt is null, h.CreatedBy)),
                Is.EqualTo(new[] { ("invoices", "crm", true, $"{tenant.Slug}/someone@example.org") }));
            Assert.That(ended.Result.Outcome, Is.EqualTo(SettingsChange.Done));
            Assert.That(endedTwice.Result.Outcome, Is.EqualTo(SettingsChange.NotFound));
            Assert.That(after.Single().EndedAt, Is.Not.Null, "ended, never deleted");
        }
    }

    [TestCase(StaffRoles.PrivacyOfficer)]
    [TestCase(StaffRoles.Agent)]
    [TestCase(StaffRoles.Auditor)]
    public async Task Only_an_admin_may_change_the_retention_periods_or_the_legal_holds(string role)
    {
        var tenant = await WithCrmAsync();
        var kept = await Service<LegalHoldsAdmin>().AddAsync(AccountPages.Principal(tenant, StaffRoles.Admin), Invoices(),
            CancellationToken.None);
        var by = AccountPages.Principal(tenant, role);
        var outcomes = new[]
        {
            (await Service<RetentionAdmin>().SaveAsync(by, Shorter, CancellationToken.None)).Outcome,
            (await Service<LegalHoldsAdmin>().AddAsync(by, Invoices("crm"), CancellationToken.None)).Result.Outcome,
            (await Service<LegalHoldsAdmin>().EndAsync(by, kept.Hold!.Id, CancellationToken.None)).Result.Outcome,
        };
        var holds = await HoldsOf(tenant);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcomes, Has.All.EqualTo(SettingsChange.Refused));
            Assert.That(await Service<RetentionStore>().FindAsync(tenant.Id, CancellationToken.None),
                Is.EqualTo(RetentionSettings.Default));
            Assert.That(holds.Select(h => (h.Id, h.EndedAt)), Is.EqualTo(new[] { (kept.Hold.Id, (DateTimeOffset?)null) }));
        }
    }

    [Test]
    public async Task An_admin_changes_the_retention_and_holds_of_their_own_organisation_only()
    {
        var mine = await WithCrmAsync();
        var theirs = await WithCrmAsync();
        var theirHold = await Service<LegalHoldsAdmin>().AddAsync(AccountPages.Principal(theirs, StaffRoles.Admin),
            new LegalHoldBody("payroll", "Labour Code L3243-4: 5 years", null, []), CancellationToken.None);
        var admin = AccountPages.Principal(mine, StaffRoles.Admin);
        await Service<RetentionAdmin>().SaveAsync(admin, Shorter, CancellationToken.None);
        var mineAdded = await Service<LegalHoldsAdmin>().AddAsync(admin, Invoices("crm"), CancellationToken.None);
        var endTheirs = await Service<LegalHoldsAdmin>().EndAsync(admin, theirHold.Hold!.Id, CancellationToken.None);
        var browser = await InboxSession.SignedInAsync(Engine, mine, StaffRoles.Admin);
        var page = await browser.GetStringAsync("/inbox/settings/legal-holds");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mineAdded.Result.Outcome, Is.EqualTo(SettingsChange.Done));
            Assert.That(endTheirs.Result.Outcome, Is.EqualTo(SettingsChange.NotFound));
            Assert.That((await HoldsOf(theirs)).Select(h => (h.Id, h.EndedAt)),
                Is.EqualTo(new[] { (theirHold.Hold.Id, (DateTimeOffset?)null) }));
            Assert.That(await Service<RetentionStore>().FindAsync(theirs.Id, CancellationToken.None),
                Is.EqualTo(RetentionSettings.Default));
            Assert.That((await HoldsOf(mine)).Select(h => h.Id), Is.EqualTo(new[] { mineAdded.Hold!.Id }));
            Assert.That(page, Does.Contain("Commercial Code L123-22").And.Not.Contain("Labour Code"));
        }
    }

    [Test]
    public async Task Bad_retention_periods_are_refused_with_each_field_named_and_nothing_changes()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        await Service<RetentionAdmin>().SaveAsync(admin, Shorter, CancellationToken.None);
        var saved = await Service<RetentionAdmin>().SaveAsync(admin, new RetentionSettings(0, null, 400, 30, 365), CancellationToken.None);
        var tooShort = await Service<RetentionAdmin>().SaveAsync(admin, Shorter with { RequestsDays = 10 }, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.Errors.Keys, Is.EquivalentTo(new[] { "exportsDays", "packsDays", "documentsDays" }));
            Assert.That(saved.Message, Does.Contain("At most requestsDays (365)"));
            Assert.That(tooShort.Errors.Keys, Does.Contain("requestsDays"));
            Assert.That(await Service<RetentionStore>().FindAsync(tenant.Id, CancellationToken.None), Is.EqualTo(Shorter));
        }
    }

    [Test]
    public async Task A_bad_legal_hold_is_refused_with_each_field_named_and_nothing_is_stored()
    {
        var tenant = await WithCrmAsync();
        var other = await WithCrmAsync();
        await Service<ConnectorAdmin>().SaveAsync(AccountPages.Principal(other, StaffRoles.Admin), "their-billing",
            new ConnectorBody(["locate", "erase"], 24, true, "bus", "Billing", ["billing"], ["invoices"], [], false, null,
                new BusBinding("billing-service")), CancellationToken.None);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var yesterday = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-1);
        var saved = await Service<LegalHoldsAdmin>().AddAsync(admin,
            new LegalHoldBody(" ", null, yesterday, ["crm", "their-billing"]), CancellationToken.None);
        var nothing = await Service<LegalHoldsAdmin>().AddAsync(admin, null, CancellationToken.None);
        var unknown = await Service<LegalHoldsAdmin>().EndAsync(admin, Guid.NewGuid(), CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.Result.Errors.Keys, Is.EquivalentTo(new[] { "category", "legalBasis", "until", "systems" }));
            Assert.That(saved.Result.Message, Does.Contain("their-billing").And.Not.Contain("crm,"));
            Assert.That(nothing.Result.Outcome, Is.EqualTo(SettingsChange.Invalid));
            Assert.That(unknown.Result.Outcome, Is.EqualTo(SettingsChange.NotFound));
            Assert.That(await HoldsOf(tenant), Is.Empty);
        }
    }

    // The staff API runs the same service: the same refusals, the same register.
    [Test]
    public async Task The_staff_api_adds_and_ends_legal_holds_through_the_same_service()
    {
        var tenant = await WithCrmAsync();
        var admin = tenant.Staff(Engine, StaffRoles.Admin);
        var refused = await tenant.Staff(Engine, StaffRoles.PrivacyOfficer).PostAsJsonAsync("/api/v1/staff/legal-holds", Invoices());
        var invalid = await admin.PostAsJsonAsync("/api/v1/staff/legal-holds", Invoices("crm", "nowhere"));
        var created = await admin.PostAsJsonAsync("/api/v1/staff/legal-holds", Invoices("crm"));
        var hold = (await HoldsOf(tenant)).Single();
        var ended = await admin.PostAsync($"/api/v1/staff/legal-holds/{hold.Id}/end", null);
        var endedAgain = await admin.PostAsync($"/api/v1/staff/legal-holds/{hold.Id}/end", null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("Not a connector of your organisation: nowhere"));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            Assert.That((hold.Category, hold.Systems.Single()), Is.EqualTo(("invoices", "crm")));
            Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(endedAgain.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }
}
