using System.Text.Json;
using System.Text.Json.Nodes;

namespace DsarEngine.Server.OpenDsr;

// The OpenDSR wire shapes (snake_case JSON). Request fields are nullable so that validation can name each one.
internal sealed record OpenDsrIdentity(string? IdentityType, string? IdentityValue, string? IdentityFormat);

internal sealed record OpenDsrRequestBody(string? SubjectRequestId, string? SubjectRequestType, DateTimeOffset? SubmittedTime,
    List<OpenDsrIdentity>? SubjectIdentities, string? ApiVersion, List<string>? StatusCallbackUrls, JsonObject? Extensions,
    string? Regulation);

internal sealed record OpenDsrCreated(string ControllerId, DateTimeOffset ExpectedCompletionTime, DateTimeOffset ReceivedTime,
    string EncodedRequest, string SubjectRequestId, string ApiVersion);

internal sealed record OpenDsrStatus(string ControllerId, DateTimeOffset? ExpectedCompletionTime, string SubjectRequestId,
    string RequestStatus, string ApiVersion, JsonObject? Extensions)
{
    // Access and portability, once completed: where the controller fetches the data (a ZIP of JSON and CSV files with a
    // manifest), and how many records it holds.
    public string? ResultsUrl { get; init; }

    public int? ResultsCount { get; init; }
}

internal sealed record OpenDsrCallback(string ControllerId, DateTimeOffset? ExpectedCompletionTime, string StatusCallbackUrl,
    string SubjectRequestId, string RequestStatus, JsonObject? Extensions)
{
    public string? ResultsUrl { get; init; }

    public int? ResultsCount { get; init; }
}

internal sealed record OpenDsrCancelled(string ControllerId, string SubjectRequestId, DateTimeOffset ReceivedTime, string ApiVersion);

internal sealed record OpenDsrSupportedIdentity(string IdentityType, string IdentityFormat);

internal sealed record OpenDsrDiscovery(string ApiVersion, List<OpenDsrSupportedIdentity> SupportedIdentities,
    List<string> SupportedSubjectRequestTypes, string ProcessorCertificate, JsonObject Extensions);

internal static class OpenDsrJson
{
    public const string ApiVersion = "2.0";

    public static readonly JsonSerializerOptions Options =
        new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static byte[] Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    // The specification's error object, carried inside a problem+json body so both kinds of client can read it.
    public static JsonObject Error(int code, string message, IEnumerable<(string Field, string Message)> errors) => new()
    {
        ["code"] = code, ["message"] = message,
        ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
        {
            ["domain"] = "Validation", ["reason"] = e.Field, ["message"] = e.Message,
        })]),
    };
}
