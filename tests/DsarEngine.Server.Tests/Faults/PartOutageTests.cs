using System.Diagnostics;
using System.Net;
using DsarEngine.Server.Inbox;
using DsarEngine.Server.Platform.Telemetry;
using DsarEngine.Server.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Faults;

// Issue 16, faults: PostgreSQL, RabbitMQ and the SMTP server go away mid-load and come back. The shared services are
// never restarted: each test cuts its own proxy (PartProxy), which to the engine is what a restart looks like. During
// the outage staff can see it (health endpoints, the inbox's engine-health strip); after it, everything heals.
[Category("Faults")]
[NonParallelizable]
public sealed class PartOutageTests
{
    private static async Task<bool> AnswersAsync(HttpClient client, string path, HttpStatusCode status, TimeSpan limit) =>
        await PartRig.EventuallyAsync(async () => (await client.GetAsync(path)).StatusCode == status, limit);

    private static async Task<string> EngineHealthAsync(PartRig rig) =>
        await (await rig.Tenant.Staff(rig.Engine, "auditor").GetAsync("/api/v1/staff/engine-health")).Content.ReadAsStringAsync();

    [Test]
    public async Task PostgreSQL_going_away_mid_load_refuses_intake_with_503_shows_unready_and_everything_heals()
    {
        await using var rig = await PartRig.StartAsync();
        var keys = PartRig.NewKeys(PartRig.Load).ToList();
        await rig.SubmitAsync(keys.Take(keys.Count / 3), TimeSpan.FromSeconds(60));
        var outage = Stopwatch.StartNew();
        await rig.Database.CutAsync();
        var client = rig.Engine.CreateClient();
        var unready = await AnswersAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(15));
        var incidents = await rig.Engine.Services.GetRequiredService<EngineHealth>().ReadAsync(rig.Tenant.Id, CancellationToken.None);
        var refused = await rig.PostAsync(keys[keys.Count / 3]);
        var problem = await refused.Content.ReadAsStringAsync();
        // The rest of the load goes on through the outage: a careful client retries a refusal with the same key.
        var rest = rig.SubmitAsync(keys.Skip(keys.Count / 3), TimeSpan.FromSeconds(120));
        if (outage.Elapsed < PartRig.Outage)
            await Task.Delay(PartRig.Outage - outage.Elapsed); // the outage's length, not a wait for an outcome
        await rig.Database.RestoreAsync();
        await rest;
        var ready = await AnswersAsync(client, "/health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unready, Is.True, "/health/ready said 503 while the database was away");
            Assert.That(incidents.Select(i => i.Part), Does.Contain("database"), "the inbox's strip names the database");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), problem);
            Assert.That(problem, Does.Contain("urn:dsar:problem:unavailable"));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(ready, Is.True, "ready again once the database is back");
        }
        await rig.AssertHealedAsync(keys.Count);
    }

    [Test]
    public async Task RabbitMQ_going_away_mid_load_keeps_intake_open_shows_the_broker_down_and_everything_heals()
    {
        await using var rig = await PartRig.StartAsync();
        var keys = PartRig.NewKeys(PartRig.Load).ToList();
        await rig.SubmitAsync(keys.Take(keys.Count / 3), TimeSpan.FromSeconds(60));
        var outage = Stopwatch.StartNew();
        await rig.Broker.CutAsync();
        var client = rig.Engine.CreateClient();
        var down = await AnswersAsync(client, "/health/broker", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
        // Intake needs only PostgreSQL: the rest of the load is accepted while the broker is away, its commands wait.
        await rig.SubmitAsync(keys.Skip(keys.Count / 3), TimeSpan.FromSeconds(60));
        var shown = "";
        var incident = await PartRig.EventuallyAsync(async () => (shown = await EngineHealthAsync(rig)).Contains("\"broker\""),
            TimeSpan.FromSeconds(15));
        if (outage.Elapsed < PartRig.Outage)
            await Task.Delay(PartRig.Outage - outage.Elapsed); // the outage's length, not a wait for an outcome
        var waiting = await rig.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        await rig.Broker.RestoreAsync();
        var up = await AnswersAsync(client, "/health/broker", HttpStatusCode.OK, TimeSpan.FromSeconds(90));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(down, Is.True, "/health/broker said 503 while the broker was away");
            Assert.That(incident, Is.True, $"the inbox's strip names the broker: {shown}");
            Assert.That(rig.Answers, Has.All.EqualTo(HttpStatusCode.Accepted), "intake never refused for the broker");
            Assert.That(waiting, Is.GreaterThan(0), "commands waited in the outbox");
            Assert.That(up, Is.True, "the engine reconnected");
        }
        await rig.AssertHealedAsync(keys.Count);
    }

    [Test]
    public async Task An_SMTP_outage_queues_mail_tells_the_inbox_and_sends_everything_once_the_server_is_back()
    {
        await using var rig = await PartRig.StartAsync();
        await rig.Mail.CutAsync();
        var outage = Stopwatch.StartNew();
        var keys = PartRig.NewKeys(PartRig.Load).ToList();
        await rig.SubmitAsync(keys, TimeSpan.FromSeconds(60));
        var shown = "";
        var incident = await PartRig.EventuallyAsync(async () => (shown = await EngineHealthAsync(rig)).Contains("\"mail\""),
            TimeSpan.FromSeconds(30));
        // Another organisation on the same engine has no mail waiting: its people are not shown this one's queue.
        var other = await TestTenant.CreateAsync(rig.Engine);
        var otherShown = await (await other.Staff(rig.Engine, "admin").GetAsync("/api/v1/staff/engine-health")).Content.ReadAsStringAsync();
        // What a person signed in to the inbox sees on any page (the strip is in the layout, rendered with the page).
        var browser = await InboxSession.SignedInAsync(rig.Engine, rig.Tenant, "agent");
        var page = await browser.GetStringAsync("/inbox");
        if (outage.Elapsed < PartRig.Outage)
            await Task.Delay(PartRig.Outage - outage.Elapsed); // the outage's length, not a wait for an outcome
        var queued = await rig.ScalarAsync<long>("SELECT count(*) FROM mail_messages WHERE sent_at IS NULL AND last_error IS NOT NULL");
        // What an operator's alert reads (docs/operations.md): the mail queue's gauges.
        var gauges = await rig.Engine.Services.GetRequiredService<TelemetrySampler>().SampleAsync(CancellationToken.None);
        await rig.Mail.RestoreAsync();
        await rig.AssertHealedAsync(keys.Count);
        var after = await browser.GetStringAsync("/inbox");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident, Is.True, $"the engine-health data names the mail: {shown}");
            Assert.That(shown, Does.Contain("E-mail is not going out"));
            Assert.That(otherShown, Does.Contain("\"healthy\":true"), "another organisation's staff see only their own queues");
            Assert.That(page, Does.Contain("data-part=\"mail\"").And.Contain("E-mail is not going out"), "the inbox page shows it");
            Assert.That(queued, Is.GreaterThan(0), "mail waited, with its failed attempt recorded");
            Assert.That(gauges.MailPending, Is.GreaterThanOrEqualTo(queued), "dsar.mail.pending counts it");
            Assert.That(gauges.MailLagSeconds, Is.GreaterThan(0), "dsar.mail.lag grows");
            Assert.That(after, Does.Not.Contain("data-part=\"mail\""), "and stops showing it once the mail went out");
        }
    }
}
