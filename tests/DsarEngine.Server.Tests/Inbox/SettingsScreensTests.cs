using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// The services behind Settings → Connectors, Processing register and Regimes: an admin's change takes effect, anyone else
// is refused by the service itself (whatever the screen shows), bad input changes nothing, and an organisation sees and
// changes only its own.
public sealed class SettingsScreensTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static T Service<T>() where T : notnull => Engine.Services.GetRequiredService<T>();

    private static ConnectorBody Bus(string user = "crm-service") =>
        new(["locate", "export"], 24, true, "bus", "CRM", ["crm"], ["contact"], [], false, null, new BusBinding(user));

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.SpecifyKind(
        TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime,
        DateTimeKind.Unspecified));

    [Test]
    public async Task An_admin_registers_edits_and_disables_a_connector()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var added = await Service<ConnectorAdmin>().SaveAsync(admin, "crm", Bus(), CancellationToken.None);
        var edited = await Service<ConnectorAdmin>().SaveAsync(admin, "crm", Bus("crm-service-2") with { TimeoutHours = 48 },
            CancellationToken.None);
        var disabled = await Service<ConnectorAdmin>().SetEnabledAsync(admin, "crm", false, CancellationToken.None);
        var stored = await Service<ConnectorStore>().FindAsync(tenant.Id, "crm", CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((added.Result.Outcome, added.Created), Is.EqualTo((SettingsChange.Done, true)), added.Message);
            Assert.That((edited.Result.Outcome, edited.Created), Is.EqualTo((SettingsChange.Done, false)), edited.Message);
            Assert.That(disabled.Result.Outcome, Is.EqualTo(SettingsChange.Done));
            Assert.That(stored!.Enabled, Is.False);
            Assert.That(stored.TimeoutHours, Is.EqualTo(48));
            Assert.That(stored.BusUser, Is.EqualTo("crm-service-2"));
        }
    }

    [Test]
    public async Task A_bad_connector_is_refused_with_each_field_named_and_nothing_is_registered()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var saved = await Service<ConnectorAdmin>().SaveAsync(AccountPages.Principal(tenant, StaffRoles.Admin), "Bad Name",
            Bus() with { Actions = ["teleport"], TimeoutHours = 0 }, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.Result.Outcome, Is.EqualTo(SettingsChange.Invalid));
            Assert.That(saved.Result.Errors.Keys, Is.EquivalentTo(new[] { "name", "actions", "timeoutHours" }));
            Assert.That(await Service<ConnectorStore>().ListAsync(tenant.Id, CancellationToken.None), Is.Empty);
        }
    }

    [TestCase(StaffRoles.PrivacyOfficer)]
    [TestCase(StaffRoles.Agent)]
    [TestCase(StaffRoles.Auditor)]
    public async Task Only_an_admin_may_change_connectors_the_register_or_the_clock(string role)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await Service<ConnectorAdmin>().SaveAsync(AccountPages.Principal(tenant, StaffRoles.Admin), "crm", Bus(), CancellationToken.None);
        var by = AccountPages.Principal(tenant, role);
        var register = await Service<RegisterStore>().FindExactAsync(tenant.Id, "", CancellationToken.None);

        var outcomes = new[]
        {
            (await Service<ConnectorAdmin>().SaveAsync(by, "other", Bus(), CancellationToken.None)).Result.Outcome,
            (await Service<ConnectorAdmin>().SetEnabledAsync(by, "crm", false, CancellationToken.None)).Result.Outcome,
            (await Service<RegisterAdmin>().SaveAsync(by, "fr", register, CancellationToken.None)).Outcome,
            (await Service<ClockSettingsAdmin>().SetClockAsync(by, "GB", "Europe/London", "from-receipt", CancellationToken.None)).Outcome,
            (await Service<ClockSettingsAdmin>().AddClosureAsync(by, Today.AddDays(30), "Shutdown", CancellationToken.None)).Outcome,
        };
        var tenantAfter = await Service<TenantStore>().FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcomes, Has.All.EqualTo(SettingsChange.Refused));
            Assert.That((await Service<ConnectorStore>().ListAsync(tenant.Id, CancellationToken.None)).Select(c => (c.Name, c.Enabled)),
                Is.EqualTo(new[] { ("crm", true) }));
            Assert.That(await Service<RegisterStore>().FindExactAsync(tenant.Id, "fr", CancellationToken.None), Is.Null);
            Assert.That((tenantAfter!.Jurisdiction, tenantAfter.ClosureDays), Is.EqualTo(("FR", "[]")));
        }
    }

    [Test]
    public async Task An_admin_sees_and_changes_only_the_connectors_of_their_organisation()
    {
        var mine = await TestTenant.CreateAsync(Engine);
        var theirs = await TestTenant.CreateAsync(Engine);
        await Service<ConnectorAdmin>().SaveAsync(AccountPages.Principal(theirs, StaffRoles.Admin), "their-crm", Bus(),
            CancellationToken.None);
        var admin = AccountPages.Principal(mine, StaffRoles.Admin);

        var disable = await Service<ConnectorAdmin>().SetEnabledAsync(admin, "their-crm", false, CancellationToken.None);
        var browser = await InboxSession.SignedInAsync(Engine, mine, StaffRoles.Admin);
        var page = await browser.GetStringAsync("/inbox/settings/connectors");
        var theirsAfter = await Service<ConnectorStore>().FindAsync(theirs.Id, "their-crm", CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(disable.Result.Outcome, Is.EqualTo(SettingsChange.NotFound));
            Assert.That(theirsAfter!.Enabled, Is.True);
            Assert.That(page, Does.Contain("Add a connector").And.Not.Contain("their-crm"));
        }
    }

    [Test]
    public async Task An_admin_saves_a_translation_of_the_register_and_letters_in_that_language_use_it()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var register = (await Service<RegisterStore>().FindExactAsync(tenant.Id, "", CancellationToken.None))!;
        var french = register with { Controller = register.Controller with { Name = "Exemple SAS (fr)" } };
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var saved = await Service<RegisterAdmin>().SaveAsync(admin, "fr", french, CancellationToken.None);
        var forLetters = await Service<RegisterStore>().FindAsync(tenant.Id, "fr", CancellationToken.None);
        Assert.That((saved.Outcome, forLetters!.Controller.Name), Is.EqualTo((SettingsChange.Done, "Exemple SAS (fr)")));
    }

    [Test]
    public async Task A_register_missing_its_facts_or_in_an_unknown_language_is_refused_and_nothing_changes()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var register = (await Service<RegisterStore>().FindExactAsync(tenant.Id, "", CancellationToken.None))!;
        var missing = await Service<RegisterAdmin>().SaveAsync(admin, "",
            register with { Controller = new Party("", null, null, null), Purposes = [] }, CancellationToken.None);
        var german = await Service<RegisterAdmin>().SaveAsync(admin, "de", register, CancellationToken.None);
        var after = await Service<RegisterStore>().FindExactAsync(tenant.Id, "", CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.Errors.Keys, Is.EquivalentTo(new[] { "controller.name", "purposes" }));
            Assert.That(german.Message, Does.Contain("'de' is not one of them"));
            Assert.That(after!.Controller.Name, Is.EqualTo(register.Controller.Name));
        }
    }

    [Test]
    public async Task A_new_jurisdiction_frames_the_requests_received_after_it()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var saved = await Service<ClockSettingsAdmin>().SetClockAsync(admin, "uk", "europe/london", "from-initial-due",
            CancellationToken.None);
        var body = Submissions.Valid(tenant.Slug);
        body.Remove("jurisdiction");
        var submitted = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        var reference = (string)(await submitted.ReadObjectAsync())["reference"]!;
        var request = await tenant.Staff(Engine, StaffRoles.Auditor).GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        var stored = await Service<TenantStore>().FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.Outcome, Is.EqualTo(SettingsChange.Done), saved.Message);
            Assert.That((stored!.Jurisdiction, stored.TimeZone, stored.ExtensionMethod),
                Is.EqualTo(("GB", "Europe/London", "from-initial-due")));
            Assert.That((string)request!["jurisdiction"]!, Is.EqualTo("GB"));
        }
    }

    [Test]
    public async Task A_bad_clock_is_refused_with_each_field_named_and_nothing_changes()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var saved = await Service<ClockSettingsAdmin>().SetClockAsync(admin, "US", "Mars/Olympus", "whenever", CancellationToken.None);
        var stored = await Service<TenantStore>().FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.Errors.Keys, Is.EquivalentTo(new[] { "jurisdiction", "timeZone", "extensionMethod" }));
            Assert.That(saved.Message, Does.Contain("US has no default regime").And.Contain("'Mars/Olympus' is not an IANA time zone"));
            Assert.That((stored!.Jurisdiction, stored.TimeZone, stored.ExtensionMethod),
                Is.EqualTo(("FR", "Europe/Paris", "from-receipt")));
        }
    }

    [Test]
    public async Task An_admin_adds_and_removes_closure_days_and_the_legal_clock_reads_them()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var clock = Service<ClockSettingsAdmin>();
        var first = await clock.AddClosureAsync(admin, Today.AddDays(40), " Company shutdown ", CancellationToken.None);
        var second = await clock.AddClosureAsync(admin, Today.AddDays(20), "Inventory", CancellationToken.None);
        var removed = await clock.RemoveClosureAsync(admin, Today.AddDays(40), CancellationToken.None);
        var stored = await Service<TenantStore>().FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new[] { first.Outcome, second.Outcome, removed.Outcome }, Has.All.EqualTo(SettingsChange.Done));
            Assert.That(RequestClock.ParseClosures(stored!.ClosureDays),
                Is.EqualTo(new[] { new ClosureDay(Today.AddDays(20), "Inventory") }));
        }
    }

    [Test]
    public async Task A_closure_day_in_the_past_twice_or_without_a_name_is_refused_and_nothing_changes()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = AccountPages.Principal(tenant, StaffRoles.Admin);
        var clock = Service<ClockSettingsAdmin>();
        await clock.AddClosureAsync(admin, Today.AddDays(10), "Shutdown", CancellationToken.None);
        var before = (await Service<TenantStore>().FindAsync(tenant.Id, CancellationToken.None))!.ClosureDays;

        var past = await clock.AddClosureAsync(admin, Today.AddDays(-1), "Yesterday", CancellationToken.None);
        var twice = await clock.AddClosureAsync(admin, Today.AddDays(10), "Again", CancellationToken.None);
        var nameless = await clock.AddClosureAsync(admin, Today.AddDays(11), " ", CancellationToken.None);
        var farAhead = await clock.AddClosureAsync(admin, Today.AddYears(4), "Later", CancellationToken.None);
        var notThere = await clock.RemoveClosureAsync(admin, Today.AddDays(12), CancellationToken.None);
        var after = (await Service<TenantStore>().FindAsync(tenant.Id, CancellationToken.None))!.ClosureDays;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(past.Message, Does.Contain("is in the past"));
            Assert.That(twice.Message, Does.Contain("is already a closure day"));
            Assert.That(nameless.Errors.Keys, Is.EqualTo(new[] { "name" }));
            Assert.That(farAhead.Message, Does.Contain("At most three years ahead"));
            Assert.That(notThere.Message, Does.Contain("is not a closure day"));
            Assert.That(after, Is.EqualTo(before));
        }
    }

    // A right added to the engine's vocabulary without a label would be missing from the request form screen (an appeal
    // starts from its refused request, never from the form).
    [Test]
    public void The_request_form_screen_names_every_right_of_the_engine() =>
        Assert.That(DsarEngine.Server.Inbox.Components.Pages.Settings.SettingsLabels.Rights.Keys,
            Is.EquivalentTo(Rights.Slugs.Where(r => r != "appeal")));

    [TestCase("/inbox/settings/connectors", "connectors-read-only", "Add a connector")]
    [TestCase("/inbox/settings/register", "register-read-only", "Save the register")]
    [TestCase("/inbox/settings/form", "form-read-only", "Save the form settings")]
    [TestCase("/inbox/settings/regimes", "regimes-read-only", "Add closure day")]
    public async Task An_auditor_reads_a_settings_screen_without_its_forms_and_an_admin_gets_them(string path, string readOnly,
        string action)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var auditor = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Auditor)).GetStringAsync(path);
        var admin = await (await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Admin)).GetStringAsync(path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(auditor, Does.Contain(readOnly).And.Not.Contain(action).And.Contain($"href=\"{path}\""));
            Assert.That(admin, Does.Contain(action).And.Not.Contain(readOnly));
        }
    }
}
