using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Packs;

public sealed class RegisterApiTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_admin_stores_a_sample_organisations_register_and_staff_read_it_back()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "organisations", "crm-vendor.json")))!;
        var put = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/register", document);
        var read = await tenant.Staff(Engine, "auditor").GetFromJsonAsync<JsonObject>("/api/v1/staff/register");
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        Assert.That((string)read!["controller"]!["name"]!, Is.EqualTo("Pipeline CRM GmbH"));
        Assert.That((string)read["authority"]!["name"]!, Does.Contain("Berliner Beauftragte"));
    }

    [Test]
    public async Task A_register_missing_the_facts_a_letter_states_is_refused_field_by_field_and_only_admins_write()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var bad = await tenant.Staff(Engine, "admin").PutAsJsonAsync("/api/v1/staff/register", new
        {
            controller = new { name = "" }, purposes = new[] { new { purpose = "Marketing", legalBasis = "", categories = Array.Empty<string>() } },
            recipients = Array.Empty<object>(), retention = Array.Empty<object>(), transfers = Array.Empty<object>(), sources = Array.Empty<object>(),
            authority = new { name = "" },
        });
        var byAgent = await tenant.Staff(Engine, "agent").PutAsJsonAsync("/api/v1/staff/register", new { });
        var after = await tenant.Staff(Engine, "agent").GetFromJsonAsync<JsonObject>("/api/v1/staff/register");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await bad.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "controller.name", "authority.name", "purposes", "retention" }));
            Assert.That(byAgent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((string)after!["controller"]!["name"]!, Is.EqualTo("Helpdesk Cloud SAS"), "the register it had is unchanged");
        }
    }
}
