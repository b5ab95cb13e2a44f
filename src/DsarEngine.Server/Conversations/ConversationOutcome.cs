namespace DsarEngine.Server.Conversations;

internal enum ConversationStatus { Done, Invalid, RequestNotFound, NoAddress, ClockRefused }

// What became of a note, a message or a question. ClockStopped: whether asking for information stopped the clock;
// Slug and Detail: why the text was refused or why the clock could not stop (then nothing was written or sent);
// ClockResumed: whether a subject's reply with documents resumed the clock stopped for clarification.
internal sealed record ConversationOutcome(ConversationStatus Status, Guid? Id = null, bool ClockStopped = false, string? Slug = null,
    string? Detail = null, bool ClockResumed = false)
{
    public static ConversationOutcome Invalid(string error) => new(ConversationStatus.Invalid, Detail: error);

    public static readonly ConversationOutcome NotFound = new(ConversationStatus.RequestNotFound);

    public static readonly ConversationOutcome NoAddress = new(ConversationStatus.NoAddress,
        Detail: "The subject gave no e-mail address (or the request came from a controller, who is answered instead), " +
            "so no message can be sent.");
}
