using System.Text.Json;
using DsarEngine.Workflows.Journal;

namespace DsarEngine.Server.Inbox.Request;

// Entries whose meaning the timeline says in a sentence beside the kind; the data stays one click away (details).
internal static class JournalWords
{
    public static string? Of(string kind, JsonElement data) => kind switch
    {
        JournalKinds.WithdrawnBySubject => $"The subject withdrew the request at step {Text(data, "step")}; no further step runs."
            + Systems(data, "acted", " Already done, and not undone:")
            + Systems(data, "unanswered", " Asked but not answered yet (may still act):"),
        JournalKinds.CompletedAfterWithdrawal =>
            $"After the withdrawal, {Text(data, "connector")} reported its {Text(data, "action")} task {Text(data, "outcome")}; "
            + "recorded only, the request stays withdrawn.",
        _ => null,
    };

    private static string Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()! : "?";

    private static string Systems(JsonElement data, string name, string lead) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            && v.GetArrayLength() > 0
            ? $"{lead} {string.Join(", ", v.EnumerateArray().Select(x => x.GetString()))}."
            : "";
}
