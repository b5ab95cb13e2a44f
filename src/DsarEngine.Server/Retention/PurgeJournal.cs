using System.Text.Json;

namespace DsarEngine.Server.Retention;

// The journal entry of a purge (kind "purged"), written at the edge like a download: why (the periods that ran out, or
// "erasure" with the reference of the subject's erasure request that covered them), how many rows of each kind went, and
// whether the subject's fields were redacted. Never what any of it held. Property names and order are the stored format.
internal sealed record PurgedEntry(
    IReadOnlyList<string> Reasons,
    string? Erasure,
    int Exports,
    int Packs,
    int Documents,
    int Messages,
    int Mail,
    int Notes,
    bool PersonalData)
{
    // Who the journal names: the engine's retention purge, not a person.
    public const string Actor = "retention";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string Json() => JsonSerializer.Serialize(this, Options);
}
