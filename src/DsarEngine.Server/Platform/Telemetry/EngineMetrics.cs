using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DsarEngine.Server.Platform.Telemetry;

// The engine's own traces and metrics (docs/operations.md#metrics). Spans: one per workflow signal (Source). Instruments:
// requests received; each connector task's latency and outcome; pack render times; and the gauges TelemetrySampler reads
// from the database. Nothing here carries personal data: rights, channels, actions, outcomes and statuses only.
internal sealed class EngineMetrics
{
    public const string Name = "DsarEngine";

    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> received;
    private readonly Histogram<double> taskDuration;
    private readonly Histogram<double> renderDuration;
    private readonly Counter<long> renderFailures;

    public EngineMetrics(IMeterFactory meters, TelemetrySampler sampler)
    {
        var meter = meters.Create(Name);
        received = meter.CreateCounter<long>("dsar.requests.received", "{request}", "Requests stored at intake, by right and channel.");
        taskDuration = meter.CreateHistogram<double>("dsar.connector.task.duration", "s",
            "From a connector command's send to its final answer, failure or timeout, by action, outcome and connector kind.");
        renderDuration = meter.CreateHistogram<double>("dsar.pack.render.duration", "s", "Composing a letter's PDF, by kind.");
        renderFailures = meter.CreateCounter<long>("dsar.pack.render.failures", "{render}", "Letters that could not be rendered.");
        meter.CreateObservableGauge("dsar.requests.open", () => Open(sampler.Current), "{request}", "Open requests by status.");
        Gauge(meter, sampler, "dsar.requests.overdue", "{request}", "Open requests past their due date.", s => s.Overdue);
        Gauge(meter, sampler, "dsar.requests.due_soon", "{request}", "Open requests due within seven days.", s => s.DueSoon);
        Gauge(meter, sampler, "dsar.outbox.pending", "{message}", "Messages not yet on the bus.", s => s.OutboxPending);
        Gauge(meter, sampler, "dsar.outbox.dead", "{message}", "Messages the relay gave up on.", s => s.OutboxDead);
        Gauge(meter, sampler, "dsar.timers.due", "{timer}", "Timers due and not yet fired.", s => s.TimersDue);
        Gauge(meter, sampler, "dsar.outbox.lag", "s", "Age of the oldest message not yet on the bus.", s => s.OutboxLagSeconds);
        Gauge(meter, sampler, "dsar.timers.lag", "s", "How late the oldest due timer is.", s => s.TimerLagSeconds);
        Gauge(meter, sampler, "dsar.mail.pending", "{message}", "E-mails not yet accepted by the SMTP server.", s => s.MailPending);
        Gauge(meter, sampler, "dsar.mail.lag", "s", "Age of the oldest e-mail not yet sent.", s => s.MailLagSeconds);
        Gauge(meter, sampler, "dsar.mail.dead", "{message}", "E-mails given up on, waiting for an admin.", s => s.MailDead);
    }

    private static IEnumerable<Measurement<long>> Open(TelemetrySnapshot? snapshot) =>
        snapshot is null ? []
            : snapshot.Open.Select(o => new Measurement<long>(o.Value, new KeyValuePair<string, object?>("dsar.request.status", o.Key)));

    // Nothing before the first reading: a zero would claim a state nobody measured.
    private static void Gauge<T>(Meter meter, TelemetrySampler sampler, string name, string unit, string description,
        Func<TelemetrySnapshot, T> value) where T : struct =>
        meter.CreateObservableGauge(name,
            () => sampler.Current is { } s ? [new Measurement<T>(value(s))] : (IEnumerable<Measurement<T>>)[], unit, description);

    public void Received(string right, string channel) =>
        received.Add(1, new("dsar.right", right), new("dsar.channel", channel));

    public void TaskFinished(string action, string outcome, string kind, TimeSpan duration) =>
        taskDuration.Record(Math.Max(0, duration.TotalSeconds), new("dsar.action", action), new("dsar.outcome", outcome),
            new("dsar.connector.kind", kind));

    public void Rendered(string kind, TimeSpan duration) =>
        renderDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("dsar.pack.kind", kind));

    public void RenderFailed(string kind) => renderFailures.Add(1, new KeyValuePair<string, object?>("dsar.pack.kind", kind));
}
