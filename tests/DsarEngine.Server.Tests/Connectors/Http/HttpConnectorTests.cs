using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Connectors;
using DsarEngine.Samples.Common;
using DsarEngine.Server.Tests.TestData;

namespace DsarEngine.Server.Tests.Connectors.Http;

// The newsletter SaaS simulator reached through the engine's HTTP adapter: signed calls, the three result modes,
// and the resilience policies (timeout, circuit breaker) with the engine's own backoff as the only retry.
public sealed class HttpConnectorTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static async Task<(TestTenant Tenant, HttpClient Staff, string Name)> RegisterAsync(
        NewsletterService saas, params string[] actions)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var name = $"news-{Guid.NewGuid():N}"[..13];
        saas.Provision(Engine, tenant);
        await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), name, saas.Registration(actions));
        return (tenant, tenant.Staff(Engine, "privacy-officer"), name);
    }

    private static async Task<JsonObject> RunToTaskAsync(
        TestTenant tenant, HttpClient staff, string name, string right, string email, Func<JsonObject, bool> until)
    {
        var reference = await RequestDriver.SubmitAsync(Engine, tenant, right, email);
        await RequestDriver.ToFanOutAsync(staff, reference);
        var view = await TestData.Workflows.WaitForAsync(staff, reference, v => until(RequestDriver.Task(v, name)), $"the {name} task");
        return RequestDriver.Task(view, name);
    }

    [Test]
    public async Task A_sync_export_comes_back_through_the_claim_check()
    {
        await using var saas = await NewsletterService.StartAsync();
        var (tenant, staff, name) = await RegisterAsync(saas, "export");
        var subject = SamplePeople.Demo[2];
        var task = await RunToTaskAsync(tenant, staff, name, "access", subject.Email,
            t => (string)t["status"]! != "sent" && (string)t["status"]! != "acknowledged");
        Assert.That((string)task["status"]!, Is.EqualTo("done"));
        Assert.That((int)task["export"]!["records"]!, Is.GreaterThan(0));
    }

    [Test]
    public async Task Erasure_keeps_the_address_on_the_suppression_list_and_says_why()
    {
        await using var saas = await NewsletterService.StartAsync();
        var (tenant, staff, name) = await RegisterAsync(saas, "erase");
        var task = await RunToTaskAsync(tenant, staff, name, "erasure", SamplePeople.All[3].Email, t => (string)t["status"]! == "partial");
        Assert.That((string)task["retained"]![0]!["category"]!, Is.EqualTo("suppression-list"));
        Assert.That((string)task["retained"]![0]!["legalBasis"]!, Does.Contain("Art. 21(3)"));
    }

    // GDPR Art. 17(3): an HTTP connector gets the categories to keep, as a bus connector does (EraseSubjectData.Keep).
    [Test]
    public async Task An_erasure_under_a_legal_hold_tells_the_service_what_to_keep_and_it_keeps_only_that()
    {
        await using var saas = await NewsletterService.StartAsync();
        var (tenant, staff, name) = await RegisterAsync(saas, "erase");
        var hold = await tenant.Staff(Engine, "admin").PostAsJsonAsync("/api/v1/staff/legal-holds",
            new { category = "campaign-activity", legalBasis = "Art. 17(3)(e): dispute 2026-14 over campaign consent",
                systems = new[] { name } });
        Assert.That(hold.StatusCode, Is.EqualTo(HttpStatusCode.Created), await hold.Content.ReadAsStringAsync());
        using var service = new HttpClient { BaseAddress = saas.Url };
        JsonObject? before = null;
        var subject = SamplePeople.All[6];
        foreach (var person in SamplePeople.All.Skip(6).Take(40))
        {
            before = await service.GetFromJsonAsync<JsonObject>($"subscribers/{person.Email}");
            subject = person;
            if (before!["opens"]!.AsArray().Count > 0)
                break;
        }
        Assert.That(before!["opens"]!.AsArray(), Is.Not.Empty, "a subscriber with campaign opens");

        var task = await RunToTaskAsync(tenant, staff, name, "erasure", subject.Email, t => (string)t["status"]! == "partial");
        var after = await service.GetFromJsonAsync<JsonObject>($"subscribers/{subject.Email}");
        var kept = task["retained"]!.AsArray().Select(r => r!.AsObject()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(kept.Select(r => (string)r["category"]!), Is.EquivalentTo(new[] { "suppression-list", "campaign-activity" }));
            Assert.That((string)kept.Single(r => (string)r["category"]! == "campaign-activity")["legalBasis"]!,
                Does.Contain("dispute 2026-14"));
            Assert.That(after!["opens"]!.AsArray(), Has.Count.EqualTo(before["opens"]!.AsArray().Count), "the opens under hold stay");
            Assert.That(after["lists"]!.AsArray(), Is.Empty);
            Assert.That((string)after["name"]!, Is.Empty);
        }
    }

    [Test]
    public async Task An_objection_unsubscribes_from_every_list_in_poll_mode()
    {
        await using var saas = await NewsletterService.StartAsync(mode: "poll");
        var (tenant, staff, name) = await RegisterAsync(saas, "stop-processing");
        var subject = SamplePeople.All[4];
        var task = await RunToTaskAsync(tenant, staff, name, "objection", subject.Email, t => (string)t["status"]! == "done");
        var after = await new HttpClient().GetFromJsonAsync<JsonObject>(new Uri(saas.Url, $"subscribers/{subject.Email}"));
        Assert.That((string)task["detail"]!, Does.StartWith("Unsubscribed from"));
        Assert.That(after!["lists"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task In_callback_mode_a_signed_result_completes_the_task_and_a_forged_one_changes_nothing()
    {
        await using var saas = await NewsletterService.StartAsync(Engine.Server.CreateHandler(), mode: "callback");
        var (tenant, staff, name) = await RegisterAsync(saas, "erase");
        var task = await RunToTaskAsync(tenant, staff, name, "erasure", SamplePeople.All[5].Email, t => (string)t["status"]! == "partial");
        var forged = Encoding.UTF8.GetBytes("""{"outcome":"done","summary":"forged"}""");
        using var message = new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/connectors/http/{tenant.Slug}/{name}/tasks/{(string)task["taskId"]!}/result")
        {
            Content = new ByteArrayContent(forged) { Headers = { ContentType = new("application/json") } },
        };
        message.Headers.Add(HttpTaskSignature.Header, HttpTaskSignature.Sign(
            Encoding.UTF8.GetBytes("a-different-secret-of-enough-length-000000"), TimeProvider.System.GetUtcNow(), forged));
        var refused = await Engine.CreateClient().SendAsync(message);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(refused.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        }
    }

    [Test]
    public async Task A_call_without_the_engines_signature_is_refused_by_the_service()
    {
        await using var saas = await NewsletterService.StartAsync();
        var response = await new HttpClient().PostAsync(new Uri(saas.Url, "dsar/v1/tasks"), JsonContent.Create(new { action = "erase" }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(saas.Faults.Calls, Is.Zero);
    }

    [Test]
    public async Task A_slow_service_times_out_into_a_retryable_failure()
    {
        await using var saas = await NewsletterService.StartAsync();
        saas.Faults.LatencyMs = 4000;
        var (tenant, staff, name) = await RegisterAsync(saas, "erase");
        var task = await RunToTaskAsync(tenant, staff, name, "erasure", SamplePeople.All[6].Email, t => (string)t["status"]! == "retrying");
        Assert.That((string)task["detail"]!, Does.StartWith("timeout"));
    }

    [Test]
    public async Task Repeated_failures_open_the_circuit_and_later_calls_fail_fast_without_reaching_the_service()
    {
        await using var saas = await NewsletterService.StartAsync();
        saas.Faults.FailureRate = 1.0;
        var (tenant, staff, name) = await RegisterAsync(saas, "erase");
        var details = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var task = await RunToTaskAsync(tenant, staff, name, "erasure", SamplePeople.All[10 + i].Email,
                t => (string)t["status"]! == "retrying");
            details.Add((string)task["detail"]!);
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(details.Take(4), Has.All.StartWith("server-error-503"));
            Assert.That(details.Skip(4), Has.All.StartWith("circuit-open"));
            Assert.That(saas.Faults.Calls, Is.EqualTo(4));
        }
    }
}
