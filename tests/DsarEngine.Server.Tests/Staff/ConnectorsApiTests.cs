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
        var created = await admin.PutAsJsonAsync("/api/v1/staff/connectors/crm", new { actions = new[] { "export", "erase" }, timeoutHours = 48 });
        var changed = await admin.PutAsJsonAsync("/api/v1/staff/connectors/crm", new { actions = new[] { "export" }, enabled = false });
        var list = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/connectors");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(list!.Single()!["actions"]!.AsArray().Select(a => (string)a!), Is.EqualTo(new[] { "export" }));
            Assert.That((bool)list!.Single()!["enabled"]!, Is.False);
        }
    }

    [Test]
    public async Task Bad_registrations_name_each_problem_and_only_admins_may_register()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var bad = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/connectors/Bad_Name", new { actions = new[] { "wipe" }, timeoutHours = 0 });
        var agent = await tenant.Staff(Engine, "agent").PutAsJsonAsync("/api/v1/staff/connectors/crm", new { actions = new[] { "export" } });
        var problem = await bad.ReadObjectAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "name", "actions", "timeoutHours" }));
            Assert.That(agent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await Rows.CountAsync(Engine, "connectors", tenant.Id), Is.Zero);
        }
    }
}
