namespace DsarEngine.Workflows.Journal.Entries;

// GDPR Art. 12(6): what proof was asked for, and how it was given (the method and a note, never the proof itself).
internal sealed record IdentityRequestedEntry(IReadOnlyList<string> Methods) : IJournalData
{
    public static string JournalKind => JournalKinds.IdentityRequested;
}

internal sealed record IdentityVerifiedEntry(string Method, string Evidence) : IJournalData
{
    public static string JournalKind => JournalKinds.IdentityVerified;
}

// The organisation's identity policy asks no check for this right on this channel (IdentityPolicy): recorded so the
// journal shows why no proof was asked.
internal sealed record IdentityNotRequiredEntry(string Right, string Channel) : IJournalData
{
    public static string JournalKind => JournalKinds.IdentityNotRequired;
}
