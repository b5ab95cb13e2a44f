using DsarEngine.Workflows.Journal;

namespace DsarEngine.Workflows.Runtime;

// What the executor wants done. The signal processor turns effects into rows in the same transaction as
// the new state (journal, outbox, timers, mail), so nothing outside the database happens inside it.
internal abstract record Effect
{
    // An entry of the request's journal. Data is the kind's record (Journal/Entries), which the processor serialises by
    // its runtime type; Of takes the kind from the record, so a kind and its data cannot disagree.
    public sealed record Journal(string Kind, object Data) : Effect
    {
        public static Journal Of<T>(T data) where T : IJournalData => new(T.JournalKind, data);
    }

    public sealed record Mail(string Template, IReadOnlyDictionary<string, string> Model) : Effect
    {
        // To the subject (null), or to the receiving controller of a direct transmission (GDPR Art. 20(2)).
        public string? Recipient { get; init; }

        public const string ReceivingController = "receiving-controller";

        // The person the subject's post-mortem instructions designate (LIL art. 85), when there is one.
        public const string Designee = "designee";
    }

    // A connector command, sent by the outbox relay to the connector's queue.
    public sealed record SendToConnector(Guid MessageId, string Connector, ConnectorCommand Command) : Effect;

    // An event for downstream systems, published by the outbox relay.
    public sealed record PublishEvent(Guid MessageId, string Name, IReadOnlyDictionary<string, string> Data) : Effect
    {
        // The connector tasks so far, for events that report per system (subject-erased).
        public IReadOnlyList<ConnectorTask> Tasks { get; init; } = [];
    }

    // Render the response pack (letter, and files where the right has them) on the renderer's queue.
    public sealed record RenderPack(Guid MessageId) : Effect;

    // Render a notice as a letter (extension, identity-proof request) beside the e-mail that tells the subject: the
    // record of what was sent, and the letter to post when the request came on paper. Nothing waits for it. The processor
    // sends it as the wire message Packs.RenderNotice, whose full name is stored in outbox rows and never moves.
    public sealed record RenderNoticeLetter(Guid MessageId, string Kind, IReadOnlyDictionary<string, string> Model) : Effect;

    public sealed record ScheduleTimer(string Kind, string? StepId, DateTimeOffset DueAt) : Effect;

    public sealed record CancelTimers(string Kind, string? StepId) : Effect;

    public sealed record SetRequestStatus(string Status) : Effect;

    public sealed record StopClock(string Reason) : Effect;

    public sealed record ResumeClock : Effect;

    public sealed record CreateIdentityChallenge(TimeSpan Validity) : Effect;

    // The request's clock as it must now be stored (the processor recomputes the dates from it).
    public sealed record SetClock(Requests.RequestClock Clock) : Effect;

    // The command is not allowed now; nothing at all is written, and the caller is told why.
    public sealed record Refuse(string Slug, string Reason) : Effect;
}

// A category an erase command keeps. Source: assessment (a person's partial decision) or legal-hold (the register).
internal sealed record KeepInstruction(string Category, string LegalBasis, DateOnly? Until, string Source)
{
    public const string Assessment = "assessment";
    public const string LegalHold = "legal-hold";
}

// The engine-side shape of a connector command; the relay maps it onto the SDK's wire contract.
internal sealed record ConnectorCommand(Guid RequestId, Guid TaskId, string Action, string IdempotencyKey, int Attempt, string Kind)
{
    // erase: what this system must keep: a partial assessment's exemptions and the organisation's legal holds.
    public IReadOnlyList<KeepInstruction> Keep { get; init; } = [];
}
