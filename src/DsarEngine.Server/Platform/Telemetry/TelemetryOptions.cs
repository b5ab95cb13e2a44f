using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Platform.Telemetry;

// Dsar:Telemetry. Off unless asked for: traces and metrics are collected when Enabled is true or an OTLP endpoint is
// configured (OtlpEndpoint here, or the standard OTEL_EXPORTER_OTLP_ENDPOINT), and exported over OTLP when one is.
internal sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Dsar:Telemetry";

    public bool Enabled { get; set; }

    // The collector's base address (http://collector:4318 for http/protobuf, :4317 for grpc).
    public string? OtlpEndpoint { get; set; }

    // http/protobuf (default) or grpc.
    public string OtlpProtocol { get; set; } = "http/protobuf";

    // The service.name resource attribute.
    public string ServiceName { get; set; } = "dsar-engine";

    // Seconds between two readings of the database gauges (open, overdue and due-soon requests, outbox and timer lag):
    // default 30, 5–3600. Each reading is four index-backed queries.
    [Range(5, 3600, ErrorMessage = "Dsar:Telemetry:SampleSeconds must be between 5 and 3600.")]
    public int SampleSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OtlpEndpoint is not null
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            yield return new ValidationResult("Dsar:Telemetry:OtlpEndpoint must be an absolute http or https address " +
                $"(e.g. http://collector:4318), not '{OtlpEndpoint}'.");
        if (OtlpProtocol is not ("http/protobuf" or "grpc"))
            yield return new ValidationResult($"Dsar:Telemetry:OtlpProtocol must be http/protobuf or grpc, not '{OtlpProtocol}'.");
        if (string.IsNullOrWhiteSpace(ServiceName))
            yield return new ValidationResult("Dsar:Telemetry:ServiceName must not be empty.");
    }
}
