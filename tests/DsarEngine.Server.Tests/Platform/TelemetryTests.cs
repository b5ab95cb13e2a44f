using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using DsarEngine.Server.Platform.Telemetry;
using DsarEngine.Server.Tests.TestData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DsarEngine.Server.Tests.Platform;

// An engine with telemetry on, exporting over OTLP to a collector stand-in on loopback and, for reading, to memory: a
// request submitted, its status read and its erasure worked by a connector over the broker show up as spans (HTTP, SQL,
// bus, workflow signals) and metrics (received, open, the connector's latency), with no personal data or token anywhere.
[NonParallelizable]
public sealed class TelemetryTests
{
    private readonly Exported<Activity> spans = new();
    private readonly Exported<MetricSnapshot> metrics = new();
    private readonly ConcurrentQueue<(string Path, string? Type, byte[] Body)> collected = new();
    private WebApplication collector = null!;
    private EngineFactory engine = null!;
    private StubConnector crm = null!;
    private string email = "";
    private string reference = "";
    private string token = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            collected.Enqueue((request.Path, request.ContentType, body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();
        engine = await EngineFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Dsar:Telemetry:OtlpEndpoint"] = collector.Urls.Single(),
        }, testServices: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        });
        crm = await StubConnector.StartAsync($"crm-{Guid.NewGuid():N}"[..13]);
        var tenant = await TestTenant.CreateAsync(engine);
        await crm.ServeAsync(tenant.Slug);
        await RequestDriver.RegisterAsync(tenant.Staff(engine, "admin"), crm.Name, new { actions = new[] { "erase" } });
        email = $"traced-{Guid.NewGuid():N}@example.org";
        (reference, token) = await RequestDriver.SubmitWithTokenAsync(engine, tenant, "erasure", email);
        var status = await engine.CreateClient().GetAsync($"/api/v1/requests/{reference}?token={Uri.EscapeDataString(token)}");
        Assert.That(status.IsSuccessStatusCode, await status.Content.ReadAsStringAsync());
        var staff = tenant.Staff(engine, "privacy-officer");
        await RequestDriver.ToFanOutAsync(staff, reference);
        // The connector answered and the letter was rendered for the review.
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"), "the review");
        await engine.Services.GetRequiredService<TelemetrySampler>().SampleAsync(CancellationToken.None);
        // Export now, to memory and over OTLP alike, instead of waiting for the next export interval.
        Assert.That(engine.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), Is.True);
        Assert.That(engine.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), Is.True);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await crm.DisposeAsync();
        await engine.DisposeAsync();
        await collector.DisposeAsync();
    }

    private List<Activity> Spans() => spans.Snapshot();

    // What an exporter adds on its own thread while a test reads: every access under one lock.
    private sealed class Exported<T> : System.Collections.ObjectModel.Collection<T>
    {
        protected override void InsertItem(int index, T item)
        {
            lock (this)
                base.InsertItem(index, item);
        }

        public List<T> Snapshot()
        {
            lock (this)
                return [.. this];
        }
    }

    [Test]
    public void Http_database_bus_and_workflow_spans_are_recorded_with_routes_instead_of_paths()
    {
        var all = Spans();
        var status = all.Where(s => s.Kind == ActivityKind.Server && (string?)s.GetTagItem("http.request.method") == "GET"
            && (string?)s.GetTagItem("http.route") == "/api/v1/requests/{reference}").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.Where(s => s.Kind == ActivityKind.Server).Select(s => s.DisplayName), Does.Contain("POST /api/v1/requests/"));
            Assert.That(status, Is.Not.Empty, "the status read");
            Assert.That(status.Select(s => (string?)s.GetTagItem("url.path")), Has.All.EqualTo("/api/v1/requests/{reference}"));
            Assert.That(status.Select(s => s.GetTagItem("url.query")), Has.All.Null);
            Assert.That(all.Select(s => s.Source.Name), Does.Contain("Npgsql"));
            Assert.That(all.Select(s => s.Source.Name), Does.Contain("MassTransit"), "the erase command and the reply on the bus");
            Assert.That(all.Where(s => s.Source.Name == EngineMetrics.Name).Select(s => s.DisplayName),
                Does.Contain("signal TaskCompleted").And.Contain("signal Decision"));
        }
    }

    [Test]
    public void No_span_names_the_subject_or_carries_a_token()
    {
        var text = new StringBuilder();
        foreach (var span in Spans())
        {
            text.AppendLine(span.DisplayName);
            foreach (var (key, value) in span.TagObjects)
                text.AppendLine($"{key}={value}");
        }
        var all = text.ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(all, Does.Not.Contain(email));
            Assert.That(all, Does.Not.Contain(token));
            Assert.That(all, Does.Not.Contain(reference), "references only as route parameters, never in a path");
        }
    }

    [Test]
    public void Metrics_count_the_request_the_open_ones_the_connectors_latency_and_the_render()
    {
        var byName = metrics.Snapshot().GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.SelectMany(m => m.MetricPoints).ToList());
        static string? Tag(MetricPoint p, string key)
        {
            foreach (var tag in p.Tags)
                if (tag.Key == key)
                    return tag.Value?.ToString();
            return null;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byName["dsar.requests.received"].Where(p => Tag(p, "dsar.right") == "erasure").Sum(p => p.GetSumLong()),
                Is.GreaterThanOrEqualTo(1));
            Assert.That(byName["dsar.requests.open"].Sum(p => p.GetGaugeLastValueLong()), Is.GreaterThanOrEqualTo(1));
            Assert.That(byName.Keys, Does.Contain("dsar.requests.overdue").And.Contain("dsar.outbox.lag").And.Contain("dsar.timers.lag")
                .And.Contain("dsar.mail.lag"));
            Assert.That(byName["dsar.connector.task.duration"]
                .Where(p => Tag(p, "dsar.action") == "erase" && Tag(p, "dsar.outcome") == "done").Sum(p => p.GetHistogramCount()),
                Is.GreaterThanOrEqualTo(1));
            Assert.That(byName["dsar.pack.render.duration"].Where(p => Tag(p, "dsar.pack.kind") == "letter")
                .Sum(p => p.GetHistogramCount()), Is.GreaterThanOrEqualTo(1));
            Assert.That(byName.Keys, Does.Contain("http.server.request.duration"), "ASP.NET Core's own");
        }
    }

    [Test]
    public void The_collector_receives_traces_and_metrics_over_otlp()
    {
        var received = collected.ToList();
        var traces = received.Where(r => r.Path == "/v1/traces").ToList();
        var exported = received.Where(r => r.Path == "/v1/metrics").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(traces, Is.Not.Empty);
            Assert.That(exported, Is.Not.Empty);
            Assert.That(traces.Select(r => r.Type), Has.All.EqualTo("application/x-protobuf"));
            // Protobuf keeps strings as they are: the service's name and an instrument's name can be found in the bytes.
            Assert.That(traces.Any(r => Encoding.UTF8.GetString(r.Body).Contains("dsar-engine", StringComparison.Ordinal)));
            Assert.That(exported.Any(r => Encoding.UTF8.GetString(r.Body).Contains("dsar.requests.received", StringComparison.Ordinal)));
            Assert.That(received.Any(r => Encoding.UTF8.GetString(r.Body).Contains(email, StringComparison.Ordinal)), Is.False);
        }
    }
}
