using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// Settings → Request form and GET/PUT /api/v1/staff/settings/form: one service, one set of checks, and a new allowed
// origin passes CORS at once (the allow-list is refreshed on save, not after its 30-second period).
public sealed class FormSettingsTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static FormSettingsAdmin Admin => Engine.Services.GetRequiredService<FormSettingsAdmin>();

    private static FormSettingsStore Store => Engine.Services.GetRequiredService<FormSettingsStore>();

    private static FormSettings Valid(params string[] origins) =>
        new(["access", "erasure"], [new FormIdentity("customer-id", true), new FormIdentity("phone", false)], ["en"], origins);

    private static HttpRequestMessage Preflight(string origin)
    {
        var message = new HttpRequestMessage(HttpMethod.Options, "/api/v1/requests");
        message.Headers.Add("Origin", origin);
        message.Headers.Add("Access-Control-Request-Method", "POST");
        return message;
    }

    [Test]
    public async Task An_organisation_that_never_saved_its_form_offers_every_right_and_language_and_asks_for_the_e_mail_only()
    {
        var tenant = await TestTenant.CreateAsync(Engine, ["https://shop.example.com"]);
        var form = await Store.FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(form!.Rights, Is.EquivalentTo(FormSettings.Offerable));
            Assert.That(form.Languages, Is.EqualTo(new[] { "en", "fr", "ru" }));
            Assert.That(form.Identities, Is.Empty);
            Assert.That(form.AllowedOrigins, Is.EqualTo(new[] { "https://shop.example.com" }));
        }
    }

    [Test]
    public async Task An_admin_saves_the_form_and_a_browser_on_the_new_origin_may_call_the_public_api_at_once()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var origin = $"https://{Guid.NewGuid():N}.example.com";
        var before = await Engine.CreateClient().SendAsync(Preflight(origin));

        var result = await Admin.SaveAsync(AccountPages.Principal(tenant, StaffRoles.Admin), Valid(origin), CancellationToken.None);
        var after = await Engine.CreateClient().SendAsync(Preflight(origin));
        var stored = await Store.FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(SettingsChange.Done), result.Message);
            Assert.That(before.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(after.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { origin }));
            Assert.That(stored!.Rights, Is.EqualTo(new[] { "access", "erasure" }));
            Assert.That(stored.Identities, Is.EqualTo(Valid().Identities));
            Assert.That(stored.Languages, Is.EqualTo(new[] { "en" }));
        }
    }

    [TestCase(StaffRoles.PrivacyOfficer)]
    [TestCase(StaffRoles.Agent)]
    [TestCase(StaffRoles.Auditor)]
    public async Task Only_an_admin_may_change_the_form(string role)
    {
        var tenant = await TestTenant.CreateAsync(Engine, ["https://kept.example.com"]);
        var result = await Admin.SaveAsync(AccountPages.Principal(tenant, role), Valid("https://other.example.com"),
            CancellationToken.None);
        var stored = await Store.FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(SettingsChange.Refused));
            Assert.That(stored!.AllowedOrigins, Is.EqualTo(new[] { "https://kept.example.com" }));
            Assert.That(stored.Rights, Has.Length.EqualTo(FormSettings.Offerable.Count));
        }
    }

    private static readonly object[] BadForms =
    [
        new object[] { Valid() with { Rights = [] }, "rights", "Offer at least one right." },
        new object[] { Valid() with { Rights = ["access", "teleportation"] }, "rights", "Unknown right 'teleportation'" },
        new object[] { Valid() with { Identities = [new FormIdentity("passport", true)] }, "identities", "Unknown identity 'passport'" },
        new object[] { Valid() with { Languages = ["de"] }, "languages", "'de' is not one of them" },
        new object[] { Valid() with { Languages = ["fr"] }, "languages", "default language 'en'" },
        new object[] { Valid("https://shop.example.com/form"), "allowedOrigins", "is not an origin" },
        new object[] { Valid("http://shop.example.com"), "allowedOrigins", "plain http" },
        new object[] { Valid("https://Shop.Example.com"), "allowedOrigins", "use 'https://shop.example.com'" },
    ];

    [TestCaseSource(nameof(BadForms))]
    public async Task A_bad_form_is_refused_with_the_field_named_and_nothing_changes(object form, string field, string says)
    {
        var tenant = await TestTenant.CreateAsync(Engine, ["https://kept.example.com"]);
        var result = await Admin.SaveAsync(AccountPages.Principal(tenant, StaffRoles.Admin), (FormSettings)form, CancellationToken.None);
        var stored = await Store.FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(SettingsChange.Invalid));
            Assert.That(result.Errors.Keys, Is.EqualTo(new[] { field }));
            Assert.That(result.Message, Does.Contain(says));
            Assert.That(stored!.AllowedOrigins, Is.EqualTo(new[] { "https://kept.example.com" }));
            Assert.That(stored.Rights, Has.Length.EqualTo(FormSettings.Offerable.Count), "the default form is still in force");
        }
    }

    [Test]
    public async Task The_staff_api_reads_and_replaces_the_form_and_refuses_a_bad_one_with_problem_json()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = tenant.Staff(Engine, StaffRoles.Admin);
        var put = await admin.PutAsJsonAsync("/api/v1/staff/settings/form", new
        {
            rights = new[] { "access" }, identities = new[] { new { type = "phone", required = false } }, languages = new[] { "en", "ru" },
            allowedOrigins = new[] { "https://api-form.example.com" },
        });
        var read = await tenant.Staff(Engine, StaffRoles.Auditor).GetFromJsonAsync<JsonObject>("/api/v1/staff/settings/form");
        var bad = await admin.PutAsJsonAsync("/api/v1/staff/settings/form",
            new
            {
                rights = new[] { "access" }, identities = Array.Empty<object>(), languages = Array.Empty<string>(),
                allowedOrigins = Array.Empty<string>(),
            });
        var problem = await bad.ReadObjectAsync();
        var byAuditor = await tenant.Staff(Engine, StaffRoles.Auditor)
            .PutAsJsonAsync("/api/v1/staff/settings/form", new { rights = new[] { "erasure" } });
        var after = await Store.FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
            Assert.That(read!["rights"]!.AsArray().Select(r => (string)r!), Is.EqualTo(new[] { "access" }));
            Assert.That((string)read["allowedOrigins"]![0]!, Is.EqualTo("https://api-form.example.com"));
            Assert.That(read["languages"]!.AsArray().Select(l => (string)l!), Is.EqualTo(new[] { "en", "ru" }));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(bad.ContentType()?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((string)problem["type"]!, Is.EqualTo(Problems.Type("validation")));
            Assert.That(problem["errors"]!["languages"], Is.Not.Null);
            Assert.That(byAuditor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(after!.Rights, Is.EqualTo(new[] { "access" }), "neither the bad body nor the auditor changed anything");
            Assert.That(after.AllowedOrigins, Is.EqualTo(new[] { "https://api-form.example.com" }));
        }
    }

    [Test]
    public async Task A_put_that_leaves_out_the_identities_and_origins_stores_them_empty()
    {
        var tenant = await TestTenant.CreateAsync(Engine, ["https://gone.example.com"]);
        var put = await tenant.Staff(Engine, StaffRoles.Admin).PutAsJsonAsync("/api/v1/staff/settings/form",
            new { rights = new[] { "access" }, languages = new[] { "en" } });
        var stored = await Store.FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
            Assert.That(stored!.Identities, Is.Empty);
            Assert.That(stored.AllowedOrigins, Is.Empty);
        }
    }

    [Test]
    public async Task Settings_of_one_organisation_leave_another_untouched()
    {
        var mine = await TestTenant.CreateAsync(Engine);
        var theirs = await TestTenant.CreateAsync(Engine, ["https://theirs.example.com"]);
        await Admin.SaveAsync(AccountPages.Principal(mine, StaffRoles.Admin), Valid("https://mine.example.com"), CancellationToken.None);
        var stored = await Store.FindAsync(theirs.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored!.AllowedOrigins, Is.EqualTo(new[] { "https://theirs.example.com" }));
            Assert.That(stored.Rights, Has.Length.EqualTo(FormSettings.Offerable.Count));
        }
    }
}
