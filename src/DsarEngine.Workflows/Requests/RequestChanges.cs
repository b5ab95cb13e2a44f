using System.Text.Json;
using System.Text.RegularExpressions;

namespace DsarEngine.Workflows.Requests;

// One correction a subject asks for: set Field to Value (GDPR Art. 16). Fields are the controller's vocabulary.
internal sealed record RequestedChange(string Field, string Value);

internal static partial class RequestChanges
{
    public const int MaxChanges = 20;
    public const int MaxValueLength = 500;

    public static readonly IReadOnlyList<string> KnownFields = ["email", "name", "phone", "postal-address", "date-of-birth", "city"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static bool IsField(string field) => KnownFields.Contains(field) || OtherField().IsMatch(field);

    public static string ToJson(IReadOnlyList<RequestedChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static IReadOnlyList<RequestedChange> Parse(string json) => JsonSerializer.Deserialize<List<RequestedChange>>(json, Json) ?? [];

    // "other-<slug>" names a field the list does not know, e.g. other-loyalty-tier.
    [GeneratedRegex("^other-[a-z0-9][a-z0-9-]{0,40}$")]
    private static partial Regex OtherField();
}
