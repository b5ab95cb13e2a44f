using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DsarEngine.Server.Platform.Telemetry;

// OpenTelemetry for operators (docs/operations.md#metrics): traces of HTTP requests, database commands, bus messages
// (MassTransit's own source) and workflow signals; metrics of the same plus the engine's own (EngineMetrics); exported
// over OTLP when an endpoint is configured. Paths are reported as their route templates and queries not at all, so no
// token, reference or address in a URL reaches a span.
internal static class TelemetrySetup
{
    private const string MassTransitName = "MassTransit";

    public static bool IsOn(TelemetryOptions options) => options.Enabled || options.OtlpEndpoint is not null;

    public static WebApplicationBuilder AddDsarTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.SectionName);
        builder.Services.AddSingleton<TelemetrySampler>().AddSingleton<EngineMetrics>();
        builder.Services.AddEngineService<TelemetrySamplerLoop>();
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var standardEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!IsOn(options) && string.IsNullOrEmpty(standardEndpoint))
            return builder;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName,
                serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddSource(EngineMetrics.Name, MassTransitName)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal);
                    o.EnrichWithHttpResponse = (activity, response) => Template(activity, response.HttpContext);
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, _) => activity.SetTag("url.full", null))
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(EngineMetrics.Name, MassTransitName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation());
        if (options.OtlpEndpoint is { } endpoint && Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            telemetry.UseOtlpExporter(options.OtlpProtocol == "grpc" ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, uri);
        else if (!string.IsNullOrEmpty(standardEndpoint))
            telemetry.UseOtlpExporter();
        return builder;
    }

    // The route the request matched, not the path it came with: /api/v1/requests/{reference}, never the reference.
    private static void Template(System.Diagnostics.Activity activity, HttpContext http)
    {
        activity.SetTag("url.query", null);
        activity.SetTag("url.path", http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route } ? route : "(unmatched)");
    }
}
