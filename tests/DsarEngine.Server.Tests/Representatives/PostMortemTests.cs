using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Representatives;

// Loi Informatique et Libertés art. 85: structured instructions, their revocation, and an heir's request after death,
// which is held until staff confirm the death certificate and the heirship (docs/rights.md#post-mortem-instructions).
public sealed class PostMortemTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<string> SubmitAsync(TestTenant tenant, string email, JsonObject postMortem, JsonObject? representative = null)
    {
        var body = Submissions.Valid(tenant.Slug, "post-mortem-instructions");
        body["subject"]!["email"] = email;
        body.Remove("details");
        body["postMortem"] = postMortem;
        if (representative is not null)
            body["representative"] = representative;
        var response = await Engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return (string)(await response.ReadObjectAsync())["reference"]!;
    }

    [Test]
    public async Task A_revocation_revokes_the_earlier_instructions_and_an_heirs_request_waits_for_proof()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = Submissions.UniqueEmail("deceased");
        var first = await SubmitAsync(tenant, email, new JsonObject
        {
            ["kind"] = "instructions", ["action"] = "communicate", ["scope"] = new JsonArray("photos"),
            ["designee"] = new JsonObject { ["name"] = "Camille Ørsted", ["email"] = Submissions.UniqueEmail("designee") },
        });
        var revocation = await SubmitAsync(tenant, email, new JsonObject { ["kind"] = "revocation" });
        var second = await SubmitAsync(tenant, email, new JsonObject { ["kind"] = "instructions", ["action"] = "erase" });
        var heir = await SubmitAsync(tenant, email, new JsonObject { ["kind"] = "after-death", ["diedOn"] = "2026-01-15" },
            new JsonObject { ["relationship"] = "heir", ["name"] = "Jean Dupont", ["email"] = Submissions.UniqueEmail("heir") });

        var staff = tenant.Staff(Engine, "privacy-officer");
        var record = (await staff.GetFromJsonAsync<JsonArray>($"/api/v1/staff/requests/{heir}/post-mortem"))!
            .Select(r => r!.AsObject()).ToDictionary(r => (string)r["reference"]!);
        var proof = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{heir}/representative");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Keys, Is.EquivalentTo(new[] { first, revocation, second, heir }));
            Assert.That((string?)record[first]["revokedBy"], Is.EqualTo(revocation));
            Assert.That((string?)record[second]["revokedBy"], Is.Null);
            Assert.That((string)record[second]["action"]!, Is.EqualTo("erase"));
            Assert.That((string)record[first]["designee"]!["name"]!, Is.EqualTo("Camille Ørsted"));
            Assert.That((string)record[heir]["diedOn"]!, Is.EqualTo("2026-01-15"));
            Assert.That((string)proof!["proof"]!["documents"]!, Does.Contain("death certificate").And.Contain("heir"));
            Assert.That((string)proof["proof"]!["status"]!, Is.EqualTo("awaited"));
        }

        await TestData.Workflows.WaitForAsync(staff, heir, TestData.Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{heir}/identity", new { evidence = "Heir's identity card seen." });
        await TestData.Workflows.WaitForAsync(staff, heir, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        var held = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{heir}/decisions", new { step = "assess", outcome = "proceed" });
        Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    // LIL art. 85 (legal review row 20): once instructions are recorded, the person they designate is told, and only then;
    // instructions without a designee and a revocation write to nobody else.
    [Test]
    public async Task The_designee_is_told_once_the_instructions_are_recorded_and_nobody_else_is_written_to()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var designee = Submissions.UniqueEmail("designee");
        var named = await SubmitAsync(tenant, Submissions.UniqueEmail("subject"), new JsonObject
        {
            ["kind"] = "instructions", ["action"] = "communicate", ["scope"] = new JsonArray("photos"),
            ["designee"] = new JsonObject { ["name"] = "Camille Ørsted", ["email"] = designee },
        });
        var unnamed = await SubmitAsync(tenant, Submissions.UniqueEmail("subject"), new JsonObject
        {
            ["kind"] = "instructions", ["action"] = "erase",
        });
        var staff = tenant.Staff(Engine, "privacy-officer");
        const string ToDesignee = "SELECT count(*) FROM mail_messages m JOIN requests r ON r.id = m.request_id " +
            "WHERE r.reference = @reference AND m.template = 'designee-notice'";
        var before = await Rows.ScalarAsync<long>(Engine, ToDesignee, new { reference = named });
        foreach (var reference in new[] { named, unnamed })
        {
            await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "the identity step");
            await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Known customer." });
            await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
            await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
            await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        }
        var sent = await Rows.SingleAsync<(string, string)>(Engine, "SELECT m.to_address, m.language FROM mail_messages m " +
            "JOIN requests r ON r.id = m.request_id WHERE r.reference = @reference AND m.template = 'designee-notice'",
            new { reference = named });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(before, Is.Zero, "nobody is told before the instructions are recorded");
            Assert.That(sent.Item1, Is.EqualTo(designee));
            Assert.That(await Rows.ScalarAsync<long>(Engine, ToDesignee, new { reference = unnamed }), Is.Zero);
        }
    }
}
