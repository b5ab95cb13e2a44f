namespace DsarEngine.Workflows.Persistence;

// What a command decided about one request: a new state with the journal line explaining it, or a refusal.
internal abstract record RequestChange
{
    public sealed record Apply(StoredRequest Updated, string Kind, string JournalData, MailDraft? Mail = null) : RequestChange;

    public sealed record Refuse(string Slug, string Reason) : RequestChange;
}

internal abstract record ChangeOutcome
{
    public sealed record Changed(StoredRequest Request) : ChangeOutcome;

    public sealed record Refused(string Slug, string Reason) : ChangeOutcome;

    public sealed record NotFound : ChangeOutcome;
}
