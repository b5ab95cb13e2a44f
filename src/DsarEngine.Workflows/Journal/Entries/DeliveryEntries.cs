namespace DsarEngine.Workflows.Journal.Entries;

// Telling the subject (acknowledge, deliver), recipients and downstream systems (notify-recipients, publish-event).
// By: how the subject was told of the receipt.
internal sealed record AcknowledgedEntry(string By) : IJournalData
{
    public static string JournalKind => JournalKinds.Acknowledged;
}

internal sealed record DeliveredEntry(string Step, string Channel) : IJournalData
{
    public static string JournalKind => JournalKinds.Delivered;
}

// MessageId: the outbox message, so the event can be traced to what receivers saw.
internal sealed record EventPublishedEntry(string Step, string Event, Guid MessageId) : IJournalData
{
    public static string JournalKind => JournalKinds.EventPublished;
}

internal sealed record StepSkippedEntry(string Step, string Because) : IJournalData
{
    public static string JournalKind => JournalKinds.StepSkipped;
}
