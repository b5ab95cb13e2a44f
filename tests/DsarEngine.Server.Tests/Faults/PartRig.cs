using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Dapper;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using DsarEngine.Workflows.Journal;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DsarEngine.Server.Tests.Faults;

// One engine (in-process) whose PostgreSQL, RabbitMQ and SMTP server are reached through proxies the test owns, running
// the self-driving access workflow (AutoDefinitions) for a steady load, with a connector built on the SDK on the real
// broker. A part "goes down" by cutting its proxy; the checks after it comes back are issue 16's: every submission is
// exactly one request, every workflow closed, journals verify, no task done twice, no outbox row, timer or mail stuck.
internal sealed class PartRig : IAsyncDisposable
{
    // DSAR_FAULTS=full: more load and outages that outlast the engine's first retries.
    public static bool Full =>
        string.Equals(Environment.GetEnvironmentVariable("DSAR_FAULTS"), "full", StringComparison.OrdinalIgnoreCase);

    public static int Load => Full ? 120 : 12;

    public static TimeSpan Outage => TimeSpan.FromSeconds(Full ? 45 : 4);

    private static TimeSpan Settle => TimeSpan.FromSeconds(Full ? 300 : 90);

    // How often the SDK connector ran its handler per task, over every rig (task ids are unique).
    private static readonly ConcurrentDictionary<(string Tenant, Guid Task), int> HandlerCalls = new();

    private readonly ConcurrentDictionary<string, JsonObject> bodies = new();
    private readonly ConcurrentQueue<HttpStatusCode> answers = new();
    private IHost? connector;

    public required PartProxy Database { get; init; }
    public required PartProxy Broker { get; init; }
    public required PartProxy Mail { get; init; }
    public required SmtpSink MailServer { get; init; }
    public required EngineFactory Engine { get; init; }
    public required string Folder { get; init; }
    public TestTenant Tenant { get; private set; } = null!;
    public string ConnectorName { get; } = $"part-{Guid.NewGuid():N}"[..13];

    // Every status intake answered, retries included: an outage may refuse (503), never fail (500).
    public IReadOnlyCollection<HttpStatusCode> Answers => answers;

    internal sealed class Records : IExportHandler
    {
        public Task<ExportDocument?> ExportAsync(ExportSubjectData command, TaskContext context, CancellationToken ct)
        {
            HandlerCalls.AddOrUpdate((command.Task.Tenant, command.Task.TaskId), 1, (_, n) => n + 1);
            return Task.FromResult<ExportDocument?>(ExportingConnector.Sample(command.Task.Connector, 3));
        }
    }

    public static async Task<PartRig> StartAsync(IDictionary<string, string?>? extra = null, bool render = false)
    {
        var database = await TestDatabase.CreateAsync("dsar_parts");
        var direct = new NpgsqlConnectionStringBuilder(database);
        var amqp = new Uri(TestDatabase.AmqpUrl);
        var sink = new SmtpSink();
        var (pg, broker, mail) = (new PartProxy(direct.Host!, direct.Port), new PartProxy(amqp.Host, amqp.Port),
            new PartProxy("127.0.0.1", sink.Port));
        var proxied = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = pg.Port, Timeout = 3 };
        var folder = AutoDefinitions.CreateFolder();
        var settings = new Dictionary<string, string?>
        {
            ["Dsar:Database:ConnectionString"] = proxied.ConnectionString,
            ["Dsar:Bus:Url"] = new UriBuilder(amqp) { Host = "127.0.0.1", Port = broker.Port }.Uri.ToString(),
            ["Dsar:Mail:SmtpHost"] = "127.0.0.1",
            ["Dsar:Mail:SmtpPort"] = mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Dsar:Mail:RetryBaseSeconds"] = "1",
            ["Dsar:Mail:RetryMaxSeconds"] = "2",
            ["Dsar:Mail:MaxAttempts"] = "100",
            ["Dsar:Mail:TimeoutSeconds"] = "5",
            ["Dsar:Packs:Render"] = render ? "true" : "false",
            ["Dsar:Runtime:DefinitionsPath"] = folder,
            ["Dsar:Runtime:PollMilliseconds"] = "200",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            settings[key] = value;
        var engine = new EngineFactory(database, settings);
        _ = engine.Server;
        var rig = new PartRig
        {
            Database = pg, Broker = broker, Mail = mail, MailServer = sink, Engine = engine, Folder = folder,
        };
        rig.Tenant = await TestTenant.CreateAsync(engine);
        await TestData.Workflows.RegisterConnectorAsync(engine, rig.Tenant.Id, rig.ConnectorName, "export");
        await rig.StartConnectorAsync();
        return rig;
    }

    public async Task StartConnectorAsync() => connector = await SdkConnectorHost.StartAsync<Records>(ConnectorName, Tenant.Slug);

    public async Task StopConnectorAsync()
    {
        if (connector is null)
            return;
        await connector.StopAsync();
        connector.Dispose();
        connector = null;
    }

    // One submission with a key's own body, as SubmitAsync sends it (for a test that reads the answer itself).
    public async Task<HttpResponseMessage> PostAsync(string key)
    {
        var response = await Engine.CreateClient().SendAsync(
            Submissions.Post(bodies.GetOrAdd(key, _ => Submissions.Valid(Tenant.Slug)).DeepClone(), key));
        answers.Enqueue(response.StatusCode);
        return response;
    }

    public static IEnumerable<string> NewKeys(int count) => Enumerable.Range(0, count).Select(_ => $"part-{Guid.NewGuid():N}");

    // Submits each key until intake accepts it, as a careful client does: the same key and body again after a refusal.
    public async Task SubmitAsync(IEnumerable<string> keys, TimeSpan limit)
    {
        var client = Engine.CreateClient();
        var watch = Stopwatch.StartNew();
        foreach (var key in keys)
        {
            var body = bodies.GetOrAdd(key, _ => Submissions.Valid(Tenant.Slug));
            while (true)
            {
                HttpStatusCode status;
                try
                {
                    status = (await client.SendAsync(Submissions.Post(body.DeepClone(), key))).StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                answers.Enqueue(status);
                if (status is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.Created)
                    break;
                Assert.That(watch.Elapsed, Is.LessThan(limit), $"intake accepted {key} within {limit}; last answer {status}");
                await Task.Delay(200);
            }
        }
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var c = new NpgsqlConnection(Engine.ConnectionString);
        return await c.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("no value");
    }

    // Polls until the condition holds, bounded: the engine heals in the background.
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition())
                return true;
            await Task.Delay(200);
        }
        return await condition();
    }

    public Task<long> OpenAsync() => ScalarAsync<long>("SELECT count(*) FROM workflow_instances WHERE status <> 'closed'");

    // What is where, for a failure message that says more than a count.
    public async Task<string> DiagnoseAsync()
    {
        await using var c = new NpgsqlConnection(Engine.ConnectionString);
        var rows = await c.QueryAsync<(string, string?, long)>(
            "SELECT status, waiting_for, count(*) FROM workflow_instances GROUP BY 1, 2");
        var outbox = await c.QueryAsync<string>(
            "SELECT coalesce(last_error, '-') FROM outbox WHERE sent_at IS NULL OR dead_at IS NOT NULL LIMIT 5");
        var mail = await c.QueryAsync<string>("SELECT coalesce(last_error, '-') FROM mail_messages WHERE sent_at IS NULL LIMIT 5");
        return $"instances: {string.Join("; ", rows)}; outbox: {string.Join(" | ", outbox)}; mail: {string.Join(" | ", mail)}";
    }

    // connectors: how many connectors answer each request (the SDK connector, plus any a test registers).
    public async Task AssertHealedAsync(int submissions, int connectors = 1)
    {
        var closed = await EventuallyAsync(async () => await OpenAsync() == 0
            && await ScalarAsync<long>("SELECT count(*) FROM mail_messages WHERE sent_at IS NULL") == 0, Settle);
        await using var c = new NpgsqlConnection(Engine.ConnectionString);
        var requests = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM requests");
        var keys = await c.ExecuteScalarAsync<long>("SELECT count(DISTINCT request_id) FROM idempotency_keys");
        var instances = await c.QueryAsync<(Guid Request, string Status)>("SELECT request_id, status FROM workflow_instances");
        var entries = (await c.QueryAsync<JournalEntry>(
            "SELECT tenant_id, request_id, seq, at, actor, kind, data::text AS data, prev_hash, hash FROM request_journal "
                + "ORDER BY request_id, seq")).ToList();
        var completions = await c.QueryAsync<(Guid Request, string Connector, long Count)>(
            "SELECT request_id, data::jsonb ->> 'connector', count(*) FROM request_journal WHERE kind = 'connector-completed' "
                + "GROUP BY 1, 2");
        var calls = HandlerCalls.Where(h => h.Key.Tenant == Tenant.Slug).Select(h => h.Value).ToList();
        var stuckOutbox = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent_at IS NULL OR dead_at IS NOT NULL");
        var stuckTimers = await c.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM timers WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= now()");
        var mails = (await c.QueryAsync<(Guid Id, DateTime? Sent, DateTime? Dead)>("SELECT id, sent_at, dead_at FROM mail_messages"))
            .ToList();
        var received = MailServer.Drain();
        var health = await Tenant.Staff(Engine, "auditor").GetAsync("/api/v1/staff/engine-health");
        var healthBody = await health.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(closed, Is.True, await DiagnoseAsync());
            Assert.That(Answers, Has.None.EqualTo(HttpStatusCode.InternalServerError), "an outage refuses (503), it never fails (500)");
            Assert.That(requests, Is.EqualTo(submissions), "every submission is exactly one request");
            Assert.That(keys, Is.EqualTo(submissions), "one idempotency key per request");
            Assert.That(instances.Select(i => i.Status).ToList(), Has.All.EqualTo("closed"));
            Assert.That(instances.Count(), Is.EqualTo(submissions), "one workflow per request");
            foreach (var journal in entries.GroupBy(e => e.RequestId))
            {
                var list = journal.ToList();
                Assert.That(list.Select(e => e.Seq), Is.EqualTo(Enumerable.Range(1, list.Count)), "no gap or duplicate");
                Assert.That(JournalChain.FirstBroken(list), Is.Null, "the journal verifies");
                Assert.That(list.Count(e => e.Kind == "closed"), Is.EqualTo(1), "closed exactly once");
                Assert.That(list.Count(e => e.Kind == "workflow-started"), Is.EqualTo(1), "started exactly once");
            }
            Assert.That(completions.Select(t => t.Count).ToList(), Has.All.EqualTo(1), "no task completed twice");
            Assert.That(completions.Count(), Is.EqualTo(submissions * connectors), "every task completed");
            Assert.That(calls, Has.All.EqualTo(1), "the connector did each task once");
            Assert.That(calls, Has.Count.EqualTo(submissions), "the connector did every task");
            Assert.That(stuckOutbox, Is.Zero, "no outbox row unsent or dead");
            Assert.That(stuckTimers, Is.Zero, "no timer overdue");
            Assert.That(mails, Has.All.Matches<(Guid Id, DateTime? Sent, DateTime? Dead)>(m => m.Sent != null && m.Dead == null),
                "every e-mail sent, none dead");
            Assert.That(mails.Select(m => m.Id.ToString("N")),
                Has.All.Matches<string>(id => received.Any(r => r.Contains(id, StringComparison.Ordinal))),
                "every e-mail reached the mail server");
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(healthBody, Does.Contain("\"healthy\":true"), "the inbox shows no incident once healed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopConnectorAsync();
        await Database.RestoreAsync();
        await Broker.RestoreAsync();
        await Mail.RestoreAsync();
        await Engine.DisposeAsync();
        await BrokerCleanup.DeleteAsync(DsarConnectorSetup.QueueName(Tenant.Slug, ConnectorName));
        await Database.DisposeAsync();
        await Broker.DisposeAsync();
        await Mail.DisposeAsync();
        await MailServer.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
