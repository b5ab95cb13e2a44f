using System.Text.Json.Nodes;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.OpenDsr;

// Maps an OpenDSR request onto the engine's intake form, or names every problem with it. The standard types are
// access, portability and erasure; the engine's extension (keyed by its processor domain) adds the other rights:
//   "extensions": { "<domain>": { "subject_request_type": "rectification", "changes": [{"field","value"}], "purpose": "..." } }
internal static class OpenDsrIntake
{
    public static readonly IReadOnlyList<string> StandardTypes = ["access", "portability", "erasure"];
    public static readonly IReadOnlyList<string> ExtensionTypes = ["rectification", "restriction", "objection", "consent-withdrawal"];

    // Only raw identities: hashed ones cannot be matched by the engine's connectors, so discovery does not offer them.
    private static readonly Dictionary<string, string> IdentityTypes = new(StringComparer.Ordinal)
    {
        ["email"] = "email", ["controller_customer_id"] = "customer-id",
        ["android_advertising_id"] = "device-id", ["android_id"] = "device-id",
        ["ios_advertising_id"] = "device-id", ["ios_vendor_id"] = "device-id", ["fire_advertising_id"] = "device-id",
        ["microsoft_advertising_id"] = "device-id", ["roku_advertising_id"] = "device-id",
    };

    public static IReadOnlyCollection<string> SupportedIdentityTypes => IdentityTypes.Keys;

    public static (IntakeForm? Form, Guid Id, List<(string Field, string Message)> Errors) Map(
        OpenDsrRequestBody body, string tenant, string domain, Connectors.Egress.EgressPolicy egress)
    {
        var errors = new List<(string, string)>();
        if (!Guid.TryParse(body.SubjectRequestId, out var id) || body.SubjectRequestId != id.ToString("D"))
            errors.Add(("subject_request_id", "Required: a lowercase UUID."));
        var extension = body.Extensions?[domain] as JsonObject;
        var type = (string?)extension?["subject_request_type"] ?? body.SubjectRequestType;
        if (type is null || !(StandardTypes.Contains(type) || ExtensionTypes.Contains(type)))
            errors.Add(("subject_request_type",
                $"One of {string.Join(", ", StandardTypes)}; or, in extensions[\"{domain}\"], {string.Join(", ", ExtensionTypes)}."));
        if (body.SubmittedTime is null)
            errors.Add(("submitted_time", "Required: RFC 3339 time of the subject's original request."));
        if (body.Regulation is { } regulation && regulation is not ("gdpr" or "ccpa"))
            errors.Add(("regulation", "gdpr or ccpa."));
        var identities = new List<IntakeIdentity>();
        string? email = null;
        foreach (var (identity, i) in (body.SubjectIdentities ?? []).Select((x, i) => (x, i)))
        {
            if (identity.IdentityType is null || !IdentityTypes.TryGetValue(identity.IdentityType, out var mapped))
                errors.Add(($"subject_identities[{i}].identity_type", $"Supported: {string.Join(", ", IdentityTypes.Keys)}."));
            else if (identity.IdentityFormat != "raw")
                errors.Add(($"subject_identities[{i}].identity_format", "Only raw identities are supported (see /discovery)."));
            else if (string.IsNullOrWhiteSpace(identity.IdentityValue))
                errors.Add(($"subject_identities[{i}].identity_value", "Required."));
            else if (mapped == "email")
                email ??= identity.IdentityValue;
            else
                identities.Add(new IntakeIdentity { Type = mapped, Value = identity.IdentityValue });
        }
        if (body.SubjectIdentities is not { Count: > 0 })
            errors.Add(("subject_identities", "At least one identity."));
        // The engine POSTs to these URLs for weeks: they pass the egress rules now (a clear refusal at intake), and the
        // outbound client checks them again at every connection (the name may resolve elsewhere later).
        foreach (var (url, i) in (body.StatusCallbackUrls ?? []).Select((u, i) => (u, i)))
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                errors.Add(($"status_callback_urls[{i}]", "An absolute http(s) URL."));
            else if (egress.Refusal(uri) is { } refusal)
                errors.Add(($"status_callback_urls[{i}]", refusal));
        // GDPR Art. 21: an objection or a withdrawal is to a named purpose, and only direct marketing makes it absolute
        // (Art. 21(3)); the controller says which, the engine never guesses.
        if (type is "objection" or "consent-withdrawal" && string.IsNullOrWhiteSpace((string?)extension?["purpose"]))
            errors.Add(($"extensions[\"{domain}\"].purpose",
                $"Required for {type}: the purpose objected to, one of {string.Join(", ", ObjectionPurposes.All)}."));
        if (errors.Count > 0)
            return (null, id, errors);
        var right = type == "portability" ? "portability" : type!;
        return (new IntakeForm
        {
            Tenant = tenant, Right = right, Channel = "controller", Regime = body.Regulation == "ccpa" ? "ccpa" : null,
            Purpose = (string?)extension?["purpose"],
            Subject = new IntakeSubject { Email = email, Identities = identities },
            Details = right == "rectification" ? "Forwarded by the controller over OpenDSR." : null,
            Changes = extension?["changes"] is JsonArray changes
                ? [.. changes.OfType<JsonObject>()
                    .Select(c => new IntakeChange { Field = (string?)c["field"], Value = (string?)c["value"] })]
                : null,
        }, id, errors);
    }
}
