using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using DsarEngine.Samples.Common;
using DsarEngine.Server.Tests.TestData;
using Npgsql;

namespace DsarEngine.Server.Tests.Faults;

// One submission of the load: its idempotency key and the very body sent again under it after a failure.
// LeaveManual: nobody completes its paper archive task, so it must end waiting for that task and nothing else.
internal sealed record PlannedSubmission(string Key, string Right, ClusterTenant Tenant, JsonObject Body, bool LeaveManual);

// A steady mixed load of every right through the public intake, and the privacy team's part through the staff API: the
// identity check, the assessment, the review, and the paper archive's erasure done by hand. Calls go to every node in turn,
// a dead one's too (as a load balancer that has not noticed yet); a call that fails is made again on another node.
internal sealed class MixedLoad(NodeCluster cluster)
{
    public static readonly string[] Gdpr =
        ["access", "rectification", "erasure", "restriction", "portability", "objection", "consent-withdrawal", "post-mortem-instructions"];

    public static readonly string[] Ccpa = ["opt-out-of-sale-sharing", "limit-sensitive-use"];

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    private readonly Dictionary<string, PlannedSubmission> byReference = [];
    private int next;

    // Every reference each key was answered with (one per answer, so a replay's too).
    public ConcurrentDictionary<string, ConcurrentBag<string>> Answers { get; } = new();

    public int Resent;
    public int StaffCalls;
    public int ManualCompleted;

    // count submissions over the organisations, every right in turn (seeded order); the last `leave` erasures keep their
    // paper archive task open.
    public static List<PlannedSubmission> Plan(IReadOnlyList<ClusterTenant> tenants, int count, int leave, int seed)
    {
        var random = new Random(seed);
        var rights = tenants.SelectMany(t => (t.California ? Ccpa : Gdpr).Select(r => (Tenant: t, Right: r))).ToList();
        // Every right as often as the others, in a seeded random order.
        var order = Enumerable.Range(0, count).Select(i => rights[i % rights.Count]).ToArray();
        random.Shuffle(order);
        var people = SamplePeople.All.Skip(20).ToList();
        var plan = new List<PlannedSubmission>();
        for (var i = 0; i < count; i++)
        {
            var (tenant, right) = order[i];
            var person = people[i % people.Count];
            var body = Submissions.Valid(tenant.Tenant.Slug, right);
            body["subject"]!["email"] = person.Email;
            body["subject"]!["name"] = person.Name;
            body["subject"]!["identities"] = new JsonArray(new JsonObject { ["type"] = "customer-id", ["value"] = person.CustomerId });
            if (right is "objection" or "consent-withdrawal")
                body["purpose"] = "direct-marketing";
            if (tenant.California)
                (body["jurisdiction"], body["language"], body["details"]) = ("US-CA", "en", "Do not sell or share my data.");
            plan.Add(new PlannedSubmission($"nodes-{seed}-{i:D4}-{Guid.NewGuid():N}", right, tenant, body, false));
        }
        foreach (var erasure in plan.Where(p => p.Right == "erasure").TakeLast(leave).ToList())
            plan[plan.IndexOf(erasure)] = erasure with { LeaveManual = true };
        return plan;
    }

    private Uri Node()
    {
        var nodes = cluster.Addresses();
        return nodes.Count == 0 ? throw new HttpRequestException("no node") : nodes[Interlocked.Increment(ref next) % nodes.Count];
    }

    // Sends one submission until a node accepts it; the same key and body every time.
    public async Task SubmitAsync(PlannedSubmission submission, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                using var message = Submissions.Post(submission.Body, submission.Key);
                message.RequestUri = new Uri(Node(), "/api/v1/requests");
                using var response = await Http.SendAsync(message, ct);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var reference = (string)(await response.ReadObjectAsync())["reference"]!;
                    Answers.GetOrAdd(submission.Key, _ => []).Add(reference);
                    lock (byReference)
                        byReference[reference] = submission;
                    return;
                }
                // A refused submission is the test's own mistake; anything else (a node going down) is tried again.
                if ((int)response.StatusCode is >= 400 and < 500 and not 408 and not 429)
                    Assert.Fail($"{submission.Right} refused: {response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
            }
            Interlocked.Increment(ref Resent);
            await Task.Delay(50, ct);
        }
    }

    // Submits at a steady pace: one every `gap`, each in its own task, and waits for every one to be accepted.
    public async Task SubmitAllAsync(IEnumerable<PlannedSubmission> plan, TimeSpan gap, CancellationToken ct)
    {
        var sending = new List<Task>();
        foreach (var submission in plan)
        {
            sending.Add(SubmitAsync(submission, ct));
            await Task.Delay(gap, ct);
        }
        await Task.WhenAll(sending);
    }

    private const string OpenSql = """
        SELECT r.reference, w.waiting_for FROM workflow_instances w JOIN requests r ON r.id = w.request_id
        WHERE w.status = 'waiting'
        """;

    // The privacy team: every round, each request waiting for a person gets that person's answer.
    public async Task DriveAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var c = new NpgsqlConnection(cluster.Database);
                var open = (await c.QueryAsync<(string Reference, string? WaitingFor)>(OpenSql)).ToList();
                await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
                    async (row, token) => await ActAsync(row.Reference, row.WaitingFor, token));
                await Task.Delay(250, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ActAsync(string reference, string? waitingFor, CancellationToken ct)
    {
        PlannedSubmission? submission;
        lock (byReference)
            submission = byReference.GetValueOrDefault(reference);
        if (submission is null)
            return; // answered to a node killed before the test read the answer; its retry will tell
        var path = $"/api/v1/staff/requests/{reference}";
        try
        {
            if (waitingFor == "identity")
                (await StaffAsync(submission, HttpMethod.Post, $"{path}/identity", new { evidence = "Matched the account e-mail." }, ct))
                    .Dispose();
            else if (waitingFor?.StartsWith("decision:", StringComparison.Ordinal) == true)
            {
                var step = waitingFor["decision:".Length..];
                (await StaffAsync(submission, HttpMethod.Post, $"{path}/decisions",
                    new { step, outcome = step.Contains("review", StringComparison.Ordinal) ? "approve" : "proceed" }, ct)).Dispose();
            }
            else if (waitingFor == "connectors" && submission is { Right: "erasure", LeaveManual: false, Tenant.California: false })
                await CompleteManualAsync(submission, path, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The node died under the call: the next round sees where the request stands and acts again.
        }
    }

    private async Task CompleteManualAsync(PlannedSubmission submission, string path, CancellationToken ct)
    {
        using var view = await StaffAsync(submission, HttpMethod.Get, $"{path}/workflow", null, ct);
        if (!view.IsSuccessStatusCode)
            return;
        var task = (await view.Content.ReadFromJsonAsync<JsonObject>(ct))!["tasks"]!.AsArray()
            .Select(t => t!.AsObject()).FirstOrDefault(t => (string?)t["connector"] == NodeCluster.PaperArchive);
        if (task is null || (string?)task["status"] != "sent")
            return;
        using var done = await StaffAsync(submission, HttpMethod.Post, $"{path}/tasks/{(string)task["taskId"]!}/complete",
            new { outcome = "done", note = "Shredded the paper file." }, ct);
        if (done.IsSuccessStatusCode)
            Interlocked.Increment(ref ManualCompleted);
    }

    private async Task<HttpResponseMessage> StaffAsync(PlannedSubmission submission, HttpMethod method, string path, object? body,
        CancellationToken ct)
    {
        using var message = new HttpRequestMessage(method, new Uri(Node(), path));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", submission.Tenant.Tenant.Keys["privacy-officer"]);
        if (body is not null)
            message.Content = JsonContent.Create(body);
        Interlocked.Increment(ref StaffCalls);
        return await Http.SendAsync(message, ct);
    }

    // The reference a key was answered with, and what the plan says of it.
    public PlannedSubmission? Find(string reference)
    {
        lock (byReference)
            return byReference.GetValueOrDefault(reference);
    }
}
