using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace DsarEngine.Server.Tests.Staff;

// Delivery when SMTP misbehaves (review H3), over real SMTP on loopback. The engine only queues (its own sender is
// off); each test drives a sender directly, on the engine's fake clock, so backoff is checked to the second.
public sealed class SmtpDeliveryTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private FakeTimeProvider time = null!;
    private EngineFactory engine = null!;

    [SetUp]
    public async Task StartEngine()
    {
        time = new FakeTimeProvider(Start);
        engine = await EngineFactory.StartAsync(new Dictionary<string, string?> { ["Dsar:Mail:SmtpHost"] = "" }, time);
    }

    [TearDown]
    public async Task StopEngine() => await engine.DisposeAsync();

    [Test]
    public async Task Mail_queued_while_the_smtp_server_is_down_waits_with_backoff_and_is_sent_once_when_it_is_back()
    {
        var port = SmtpSink.FreePort();
        var delivery = Delivery(port);
        var (tenant, _) = await QueueAsync();

        var rounds = new List<int>();
        for (var i = 0; i < 5; i++)
            rounds.Add(await delivery.DeliverRoundAsync(CancellationToken.None));
        var during = await RowsAsync(tenant.Id);
        var view = await tenant.Staff(engine, "admin").GetFromJsonAsync<JsonArray>("/api/v1/staff/mailbox");
        await using var sink = new SmtpSink(port);
        time.Advance(TimeSpan.FromSeconds(30));
        var back = await delivery.DeliverRoundAsync(CancellationToken.None);
        var again = await delivery.DeliverRoundAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(2));
        var later = await delivery.DeliverRoundAsync(CancellationToken.None);
        var received = sink.Drain().Select(Parse).ToList();
        var after = await RowsAsync(tenant.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rounds, Has.All.EqualTo(0));
            Assert.That(during.Select(r => r.Attempts), Has.All.EqualTo(1), "one attempt, not the whole budget in a tight loop");
            Assert.That(during.Select(r => r.NextAttemptAt), Has.All.EqualTo(Start.AddSeconds(30)));
            Assert.That(during.Select(r => r.LastError), Has.All.EqualTo("SocketException ConnectionRefused"));
            Assert.That(view!.Select(m => (string)m!["state"]!), Has.All.EqualTo("retrying"));
            Assert.That((DateTimeOffset)view![0]!["nextAttemptAt"]!, Is.EqualTo(Start.AddSeconds(30)));
            Assert.That(back, Is.EqualTo(during.Count));
            Assert.That(again + later, Is.Zero);
            Assert.That(received.Select(m => m.MessageId), Is.EquivalentTo(during.Select(r => MessageId(r.Id))),
                "each message once, with its stable id");
            Assert.That(after.Select(r => r.SentAt), Has.All.EqualTo(Start.AddSeconds(30)));
            Assert.That(after.Select(r => r.LastError), Has.All.Null);
        }
    }

    [Test]
    public async Task A_message_the_server_refuses_neither_resends_nor_holds_back_the_others()
    {
        await using var sink = new SmtpSink(refuseRecipient: rcpt => rcpt.Contains("refused.", StringComparison.Ordinal));
        var delivery = Delivery(sink.Port);
        var (tenant, _) = await QueueAsync();
        await QueueAsync(tenant, Submissions.UniqueEmail("refused"));
        // A message that cannot even be rendered, first in the queue: it fails alone and blocks nothing.
        var poison = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(engine.ConnectionString))
            await connection.ExecuteAsync("""
                INSERT INTO mail_messages (id, tenant_id, to_address, template, language, model, created_at, next_attempt_at)
                VALUES (@poison, @tenant, 'poison@example.org', 'no-such-template', 'en', '{}', @at, @at)
                """, new { poison, tenant = tenant.Id, at = Start.AddMinutes(-1) });

        var first = await delivery.DeliverRoundAsync(CancellationToken.None);
        var second = await delivery.DeliverRoundAsync(CancellationToken.None);
        var received = sink.Drain().Select(Parse).ToList();
        var rows = await RowsAsync(tenant.Id);
        var delivered = rows.Where(r => r.SentAt is not null).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(delivered.Select(r => r.ToAddress), Has.None.Contains("refused.").And.None.EqualTo("poison@example.org"));
            Assert.That(delivered,
                Has.Count.EqualTo(rows.Count(r => !r.ToAddress.Contains("refused.", StringComparison.Ordinal) && r.Id != poison)));
            Assert.That(first, Is.EqualTo(delivered.Count));
            Assert.That(second, Is.Zero);
            Assert.That(received.Select(m => m.MessageId), Is.EquivalentTo(delivered.Select(r => MessageId(r.Id))),
                "every other message exactly once");
            Assert.That(rows.Where(r => r.ToAddress.Contains("refused.", StringComparison.Ordinal)).Select(r => r.LastError),
                Has.All.EqualTo("SmtpCommandException 550"));
            Assert.That(rows.Single(r => r.Id == poison).LastError, Is.EqualTo("InvalidOperationException"));
            Assert.That(rows.Where(r => r.SentAt is null).Select(r => (r.Attempts, r.NextAttemptAt)),
                Has.All.EqualTo((1, Start.AddSeconds(30))));
        }
    }

    [Test]
    public async Task A_dead_message_is_requeued_by_an_admin_and_delivered()
    {
        var delivery = Delivery(SmtpSink.FreePort(), maxAttempts: 2, retryBaseSeconds: 1);
        var (tenant, email) = await QueueAsync();
        await delivery.DeliverRoundAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await delivery.DeliverRoundAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        var afterDeath = await delivery.DeliverRoundAsync(CancellationToken.None);
        var admin = tenant.Staff(engine, "admin");
        var view = (await admin.GetFromJsonAsync<JsonArray>("/api/v1/staff/mailbox"))!
            .Single(m => (string)m!["template"]! == "request-received")!;
        var id = (Guid)view["id"]!;
        var byAgent = await tenant.Staff(engine, "agent").PostAsync($"/api/v1/staff/mailbox/{id}/retry", null);
        var requeued = await admin.PostAsync($"/api/v1/staff/mailbox/{id}/retry", null);
        var twice = await admin.PostAsync($"/api/v1/staff/mailbox/{id}/retry", null);
        var unknown = await admin.PostAsync($"/api/v1/staff/mailbox/{Guid.NewGuid()}/retry", null);
        var reference = await Rows.ScalarAsync<string>(engine, "SELECT reference FROM requests WHERE tenant_id = @id",
            new { id = tenant.Id });
        var journal = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");

        // The server is back: here, the mail catcher.
        var sent = await Delivery(int.Parse(MailCatcher.SmtpPort, System.Globalization.CultureInfo.InvariantCulture))
            .DeliverRoundAsync(CancellationToken.None);
        var caught = await MailCatcher.WaitForAsync(email, "request-received");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterDeath, Is.Zero);
            Assert.That((string)view["state"]!, Is.EqualTo("dead"));
            Assert.That((string)view["lastError"]!, Is.EqualTo("SocketException ConnectionRefused"));
            Assert.That((int)view["attempts"]!, Is.EqualTo(2));
            Assert.That((DateTimeOffset)view["deadAt"]!, Is.EqualTo(Start.AddSeconds(1)));
            Assert.That(byAgent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(requeued.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That((string)(await requeued.ReadObjectAsync())["state"]!, Is.EqualTo("queued"));
            Assert.That(twice.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((string)(await twice.ReadObjectAsync())["type"]!, Is.EqualTo("urn:dsar:problem:mail-not-dead"));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            var entry = journal!["entries"]!.AsArray().Last()!;
            Assert.That(((string)entry["kind"]!, (string)entry["actor"]!), Is.EqualTo(("mail-requeued", "api-key:admin")));
            Assert.That((bool)journal["verified"]!, Is.True);
            Assert.That(sent, Is.EqualTo(1), "only the requeued message; the other dead one stays dead");
            Assert.That(caught.MessageId, Is.EqualTo($"<{MessageId(id)}>"));
        }
    }

    [Test]
    public async Task A_message_whose_every_attempt_was_interrupted_is_dead_and_holds_nothing_up()
    {
        await using var sink = new SmtpSink();
        var (tenant, _) = await QueueAsync();
        // The process died while sending it, ten times: its last lease ran out with no outcome recorded.
        var interrupted = Guid.NewGuid();
        await using (var connection = new NpgsqlConnection(engine.ConnectionString))
            await connection.ExecuteAsync("""
                INSERT INTO mail_messages (id, tenant_id, to_address, template, language, model, created_at, next_attempt_at, attempts)
                VALUES (@interrupted, @tenant, 'crash@example.org', 'request-referred', 'en', '{}', @at, @at, 10)
                """, new { interrupted, tenant = tenant.Id, at = Start.AddMinutes(-5) });

        var sent = await Delivery(sink.Port).DeliverRoundAsync(CancellationToken.None);
        var rows = await RowsAsync(tenant.Id);
        var dead = await Rows.ScalarAsync<DateTimeOffset?>(engine, "SELECT dead_at FROM mail_messages WHERE id = @interrupted",
            new { interrupted });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent, Is.EqualTo(rows.Count - 1));
            Assert.That(sink.Drain().Select(Parse).Select(m => m.To.Mailboxes.Single().Address), Has.None.EqualTo("crash@example.org"));
            Assert.That(dead, Is.EqualTo(Start));
            Assert.That(rows.Single(r => r.Id == interrupted).LastError, Is.EqualTo("interrupted"));
        }
    }

    private SmtpDelivery Delivery(int port, int maxAttempts = 10, int retryBaseSeconds = 30) => new(
        engine.Services.GetRequiredService<MailboxStore>(), engine.Services.GetRequiredService<MailRenderer>(),
        Options.Create(new MailOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = port, SmtpSecurity = "none", TimeoutSeconds = 5,
            MaxAttempts = maxAttempts, RetryBaseSeconds = retryBaseSeconds,
        }),
        time, NullLogger<SmtpDelivery>.Instance);

    // A public request: its acknowledgement, then its identity challenge once the workflow reaches that step.
    private async Task<(TestTenant Tenant, string Email)> QueueAsync(TestTenant? tenant = null, string? email = null)
    {
        tenant ??= await TestTenant.CreateAsync(engine);
        email ??= Submissions.UniqueEmail("queued");
        var reference = await RequestDriver.SubmitAsync(engine, tenant, "access", email);
        await TestData.Workflows.WaitForAsync(tenant.Staff(engine, "agent"), reference, TestData.Workflows.WaitingFor("identity"),
            "the identity e-mail");
        return (tenant, email);
    }

    private sealed record MailRow(
        Guid Id, string ToAddress, int Attempts, DateTimeOffset NextAttemptAt, string? LastError, DateTimeOffset? SentAt)
    {
        private MailRow() : this(default, "", 0, default, null, null) { }
    }

    private async Task<List<MailRow>> RowsAsync(Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(engine.ConnectionString);
        return (await connection.QueryAsync<MailRow>(
            "SELECT id, to_address, attempts, next_attempt_at, last_error, sent_at FROM mail_messages WHERE tenant_id = @tenantId",
            new { tenantId })).AsList();
    }

    private static string MessageId(Guid id) => MailSender.MessageId(id, new MailOptions().From);

    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
}
