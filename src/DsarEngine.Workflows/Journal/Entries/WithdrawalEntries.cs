using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Workflows.Journal.Entries;

// The subject withdrew the request at Step. Acted: the connectors that had already answered for good (what they did
// stays done: a withdrawal undoes no erasure); Unanswered: those whose command was out and unanswered, which may still act.
internal sealed record WithdrawnBySubjectEntry(string Step, IReadOnlyList<string> Acted, IReadOnlyList<string> Unanswered)
    : IJournalData
{
    public static string JournalKind => JournalKinds.WithdrawnBySubject;
}

// A connector reported, after the withdrawal, that it had done its task (the command was already out). Recorded so that
// the privacy team knows what was done; it moves nothing (the request stays withdrawn, no event, no e-mail).
internal sealed record CompletedAfterWithdrawalEntry(
    string Connector, string Action, string Outcome, string Summary, IReadOnlyList<RetainedItem> Retained) : IJournalData
{
    public static string JournalKind => JournalKinds.CompletedAfterWithdrawal;
}
