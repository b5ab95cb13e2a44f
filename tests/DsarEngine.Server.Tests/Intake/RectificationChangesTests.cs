using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Intake;

// GDPR Art. 16 at the public door: the corrections are checked field by field, and the privacy team sees what was asked.
public sealed class RectificationChangesTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static JsonObject Rectification(TestTenant tenant, params (string Field, string Value)[] changes)
    {
        var body = Submissions.Valid(tenant.Slug, "rectification");
        body.Remove("details");
        body["changes"] = new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject { ["field"] = c.Field, ["value"] = c.Value })]);
        return body;
    }

    [Test]
    public async Task Valid_changes_are_stored_and_shown_to_the_privacy_team()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var response = await Engine.CreateClient().SendAsync(
            Submissions.Post(Rectification(tenant, ("email", "zoe.new@example.org"), ("other-loyalty-tier", "gold"))));
        var reference = (string)(await response.ReadObjectAsync())["reference"]!;
        var view = await tenant.Staff(Engine, "agent").GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}");
        Assert.That(view!["changes"]!.ToJsonString(),
            Is.EqualTo("""[{"field":"email","value":"zoe.new@example.org"},{"field":"other-loyalty-tier","value":"gold"}]"""));
    }

    [Test]
    public async Task A_rectification_without_any_correction_or_with_an_unknown_field_is_refused_and_nothing_is_stored()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var empty = await Engine.CreateClient().SendAsync(Submissions.Post(Rectification(tenant)));
        var unknownField = await Engine.CreateClient().SendAsync(Submissions.Post(Rectification(tenant, ("shoe-size", "44"))));
        var onAccess = Submissions.Valid(tenant.Slug, "access");
        onAccess["changes"] = new JsonArray(new JsonObject { ["field"] = "name", ["value"] = "Zoë" });
        var notRectification = await Engine.CreateClient().SendAsync(Submissions.Post(onAccess));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await empty.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "details" }));
            Assert.That(unknownField.ContentType()?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That((await unknownField.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key),
                Is.EqualTo(new[] { "changes[0].field" }));
            Assert.That((await notRectification.ReadObjectAsync())["errors"]!.AsObject().Select(e => e.Key),
                Is.EqualTo(new[] { "changes" }));
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.Zero);
            Assert.That(await Rows.CountAsync(Engine, "mail_messages", tenant.Id), Is.Zero);
        }
    }
}
