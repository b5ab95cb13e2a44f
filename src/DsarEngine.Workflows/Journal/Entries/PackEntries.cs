namespace DsarEngine.Workflows.Journal.Entries;

// The response pack (asked of the renderer, rendered, or only prepared when rendering is off) and the notice letters.
internal sealed record PackPreparedEntry(string? Outcome, IReadOnlyList<JournaledTask> Results) : IJournalData
{
    public static string JournalKind => JournalKinds.PackPrepared;
}

internal sealed record PackRequestedEntry(string Step, string? Outcome, IReadOnlyList<JournaledOutcome> Results) : IJournalData
{
    public static string JournalKind => JournalKinds.PackRequested;
}

// Late: the render's timeout had already stopped the step for a person.
internal sealed record PackRenderedEntry(Guid PackId, string Sha256, long Bytes, bool Late) : IJournalData
{
    public static string JournalKind => JournalKinds.PackRendered;
}

// Kind: the notice letter's kind (Runtime.Notices).
internal sealed record NoticeRenderedEntry(string Kind, Guid PackId, string Sha256) : IJournalData
{
    public static string JournalKind => JournalKinds.NoticeRendered;
}

internal sealed record NoticeNotRenderedEntry(string Kind, string Error) : IJournalData
{
    public static string JournalKind => JournalKinds.NoticeNotRendered;
}

// One task as the pack reports it: its status, and the outcome that counts.
internal sealed record JournaledTask(string Connector, string Action, string Status, string Outcome);
