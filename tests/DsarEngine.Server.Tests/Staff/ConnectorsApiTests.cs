using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Staff;

public sealed class ConnectorsApiTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_admin_registers_and_changes_a_connector_and_staff_see_it()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = tenant.Staff(Engine, "admin");
        var bus = new { user = $"{tenant.Slug}.crm" };
        var created = await admin.PutAsJsonAsync("/api/v1/staff/connectors/crm",
            new { actions = new[] { "export", "erase" }, timeoutHours = 48, bus });
        var changed = await admin.PutAsJsonAsync("/api/v1/staff/connectors/crm",
            new { actions = new[] { "export" }, enabled = false, bus });
        var list = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/connectors");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list!.Single()!["actions"]!.AsArray().Select(a => (string)a!), Is.EqualTo(new[] { "export" }));
            Assert.That((bool)list!.Single()!["enabled"]!, Is.False);
            // The organisation's own queue, and the broker user whose replies alone are accepted.
            Assert.That((string)list!.Single()!["queue"]!, Is.EqualTo($"dsar.{tenant.Slug}.connector.crm"));
            Assert.That((string)list!.Single()!["bus"]!["user"]!, Is.EqualTo($"{tenant.Slug}.crm"));
        }
    }

    [Test]
    public async Task Bad_registrations_name_each_problem_and_only_admins_may_register()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var bad = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/connectors/Bad_Name",
            new { actions = new[] { "wipe" }, timeoutHours = 0 });
        var agent = await tenant.Staff(Engine, "agent").PutAsJsonAsync("/api/v1/staff/connectors/crm",
            new { actions = new[] { "export" } });
        var problem = await bad.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
                Is.EquivalentTo(new[] { "name", "actions", "timeoutHours", "bus.user" }));
            Assert.That(agent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Rows.CountAsync(Engine, "connectors", tenant.Id), Is.Zero);
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("demo crm")]
    [TestCase("guest/../admin")]
    public async Task A_bus_connector_is_registered_only_with_the_broker_user_of_its_service(string? user)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var bad = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/connectors/crm",
            new { actions = new[] { "export" }, bus = new { user } });
        var problem = await bad.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "bus.user" }));
            Assert.That(await Rows.CountAsync(Engine, "connectors", tenant.Id), Is.Zero);
        }
    }

    [Test]
    public async Task A_registration_describes_the_system_its_retention_and_how_it_is_reached()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var admin = tenant.Staff(Engine, "admin");
        Engine.Settings.ProvisionSecret(tenant.Slug, "newsletter", HttpSecret.Value, new Uri("https://mailer.example/"));
        var put = await admin.PutAsJsonAsync("/api/v1/staff/connectors/newsletter", new
        {
            kind = "http", displayName = "Newsletter SaaS", actions = new[] { "export", "erase", "stop-processing" }, timeoutHours = 12,
            systems = new[] { "Mailer" }, dataCategories = new[] { "contact-details", "campaign-activity" }, needsReview = true,
            retention = new[]
            {
                new { category = "suppression-list", legalBasis = "GDPR Art. 21(3): keep honouring the objection", period = "P10Y" },
            },
            http = new { endpoint = "https://mailer.example/dsar", secretRef = "newsletter", resultMode = "callback" },
        });
        var one = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonObject>("/api/v1/staff/connectors/newsletter");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string)one!["kind"]!, Is.EqualTo("http"));
            Assert.That((string)one["http"]!["resultMode"]!, Is.EqualTo("callback"));
            Assert.That((string)one["retention"]![0]!["legalBasis"]!, Does.StartWith("GDPR Art. 21(3)"));
            Assert.That((bool)one["needsReview"]!, Is.True);
            Assert.That(one["queue"], Is.Null);
        }
    }

    [Test]
    public async Task An_http_connector_needs_an_endpoint_and_a_secret_name_and_retention_needs_a_legal_basis()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var bad = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/connectors/mailer", new
        {
            kind = "http", actions = new[] { "erase" }, http = new { endpoint = "ftp://x", resultMode = "smoke-signals" },
            retention = new[] { new { category = "invoices", period = "ten years" } },
        });
        var problem = await bad.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
                Is.EquivalentTo(new[] { "http.endpoint", "http.secretRef", "http.resultMode", "retention" }));
            Assert.That(await Rows.CountAsync(Engine, "connectors", tenant.Id), Is.Zero);
        }
    }
}
