namespace DsarEngine.Workflows.Journal;

// One line of a request's audit trail. `Data` is JSON text kept byte for byte (a `json` column, not
// `jsonb`) because the hash covers it. Never put personal data in it: the journal outlives erasure.
internal sealed record JournalEntry(
    Guid TenantId,
    Guid RequestId,
    int Seq,
    DateTimeOffset At,
    string Actor,
    string Kind,
    string Data,
    byte[] PrevHash,
    byte[] Hash)
{
    // The persistence layer materialises rows through this and the init setters: constructor mapping needs exact column types
    // (timestamptz reads as DateTime, text[] as Array), which the positional constructor cannot offer.
    private JournalEntry() : this(default, default, default, default, "", "", "", [], []) { }
}
