using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DsarEngine.Server.Tests.TestData;

// Takes a request through the steps people do (identity, assessment) up to its fan-out, as staff would.
internal static class RequestDriver
{
    public static async Task<string> SubmitAsync(EngineFactory engine, TestTenant tenant, string right, string? email = null) =>
        (await SubmitWithTokenAsync(engine, tenant, right, email)).Reference;

    public static async Task<(string Reference, string Token)> SubmitWithTokenAsync(
        EngineFactory engine, TestTenant tenant, string right, string? email = null)
    {
        var body = Submissions.Valid(tenant.Slug, right);
        if (email is not null)
            body["subject"]!["email"] = email;
        if (right is "objection" or "consent-withdrawal")
            body["purpose"] = "direct-marketing";
        var response = await engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var submitted = await response.ReadObjectAsync();
        return ((string)submitted["reference"]!, (string)submitted["statusToken"]!);
    }

    public static async Task<JsonObject> ToFanOutAsync(HttpClient staff, string reference)
    {
        await Workflows.WaitForAsync(staff, reference, Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        await Workflows.WaitForAsync(staff, reference, Workflows.WaitingFor("decision:assess"), "the assessment");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        return await Workflows.WaitForAsync(staff, reference, Workflows.WaitingFor("connectors"), "the fan-out");
    }

    // Approves every review the workflow waits for until it closes (the letter is delivered on the way).
    public static async Task ApproveUntilClosedAsync(HttpClient staff, string reference)
    {
        static bool Deciding(JsonObject v) => ((string?)v["waitingFor"])?.StartsWith("decision:", StringComparison.Ordinal) == true;
        JsonObject view;
        while (!Workflows.Closed(view = await Workflows.WaitForAsync(staff, reference, v => Workflows.Closed(v) || Deciding(v),
            "the next decision")))
        {
            var decided = await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions",
                new { step = ((string)view["waitingFor"]!)["decision:".Length..], outcome = "approve" });
            Assert.That(decided.StatusCode, Is.EqualTo(HttpStatusCode.OK), await decided.Content.ReadAsStringAsync());
            var version = (int)view["version"]!;
            await Workflows.WaitForAsync(staff, reference, v => (int)v["version"]! > version, "the decision to be taken");
        }
    }

    // Completes a manual task by hand with an export of one record whose title is the marker, as a person would.
    public static async Task<HttpResponseMessage> CompleteWithExportAsync(
        HttpClient staff, string reference, string taskId, string connector, string system, string marker) =>
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/tasks/{taskId}/complete", new
        {
            outcome = "done", note = $"Collected from the {system}.",
            export = new
            {
                connector, system,
                categories = new[]
                {
                    new { category = "documents", records = new[] { new Dictionary<string, string> { ["title"] = marker } } },
                },
            },
        });

    // A bus connector is registered with the broker user its service connects as (the test's own, here).
    public static async Task RegisterAsync(HttpClient admin, string name, object registration)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(registration)!.AsObject();
        if (((string?)body["kind"] ?? "bus") == "bus" && body["bus"] is null)
            body["bus"] = new JsonObject { ["user"] = TestBus.User };
        var response = await admin.PutAsJsonAsync($"/api/v1/staff/connectors/{name}", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    public static JsonObject Task(JsonObject view, string connector) =>
        view["tasks"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string)t["connector"]! == connector);
}
