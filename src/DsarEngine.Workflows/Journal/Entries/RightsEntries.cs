namespace DsarEngine.Workflows.Journal.Entries;

// GDPR Art. 18(3): a person decided to lift the restriction; the subject was told (e-mail and letter) of the reason and
// of the instant the systems are asked to lift it.
internal sealed record RestrictionLiftNoticedEntry(string Reason, DateTimeOffset LiftAt) : IJournalData
{
    public static string JournalKind => JournalKinds.RestrictionLiftNoticed;
}

// The lift commands went out, after the notice: to these connectors (manual ones are done by a person).
internal sealed record RestrictionLiftSentEntry(IReadOnlyList<string> Connectors, IReadOnlyList<string> Manual) : IJournalData
{
    public static string JournalKind => JournalKinds.RestrictionLiftSent;
}

// A system answered its lift command.
internal sealed record RestrictionLiftAnsweredEntry(string Connector, string Outcome, string Summary) : IJournalData
{
    public static string JournalKind => JournalKinds.RestrictionLiftAnswered;
}

// A system was restored from a backup taken before this erasure reached it: the erase command went to it again (manual:
// a person carries it out), under the restore the organisation recorded.
internal sealed record ErasureReappliedEntry(string Connector, DateTimeOffset BackupTakenAt, Guid RestoreId, bool Manual) : IJournalData
{
    public static string JournalKind => JournalKinds.ErasureReapplied;
}

// The restored system answered the erase command sent again (or it timed out, or a person completed it).
internal sealed record ErasureReapplyAnsweredEntry(string Connector, string Outcome, string Summary) : IJournalData
{
    public static string JournalKind => JournalKinds.ErasureReapplyAnswered;
}

// GDPR Art. 17(3): a system reported keeping categories that neither the partial assessment nor a legal hold named.
internal sealed record KeptBeyondInstructionsEntry(string Connector, IReadOnlyList<string> Categories) : IJournalData
{
    public static string JournalKind => JournalKinds.KeptBeyondInstructions;
}
