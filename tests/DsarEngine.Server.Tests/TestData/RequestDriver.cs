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
        if (right == "automated-decision-review")
            body["automatedDecision"] = AutomatedDecision();
        var response = await engine.CreateClient().SendAsync(Submissions.Post(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var submitted = await response.ReadObjectAsync();
        return ((string)submitted["reference"]!, (string)submitted["statusToken"]!);
    }

    // GDPR Art. 22(3): the decision the subject wants reviewed and their point of view.
    public static JsonObject AutomatedDecision() => new()
    {
        ["decision"] = "Credit limit lowered on 2 November by the scoring engine", ["pointOfView"] = "My income was misread.",
        ["contest"] = true,
    };

    public static async Task<JsonObject> ToFanOutAsync(HttpClient staff, string reference)
    {
        await Workflows.WaitForAsync(staff, reference, Workflows.WaitingFor("identity"), "the identity step");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Matched the account e-mail." });
        // An objection to direct marketing goes straight to its fan-out (GDPR Art. 21(3)): nobody assesses it.
        var view = await Workflows.WaitForAsync(staff, reference,
            v => (string?)v["waitingFor"] is "decision:assess" or "connectors", "the assessment or the fan-out");
        if ((string?)view["waitingFor"] == "connectors")
            return view;
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
