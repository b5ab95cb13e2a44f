using DsarEngine.Server.Conversations;

namespace DsarEngine.Server.Portal;

// The pages' models are public only because a component's parameters must be (the components are public classes).

// A message as the subject sees it: from the privacy team (only once it was sent) or their own reply.
public sealed record PortalMessage(bool FromSubject, DateTimeOffset At, string Text);

// An error of a form: the field's id (the error summary links to it), the text's key and its arguments.
public sealed record PortalFieldError(string Field, string Key, params object?[] Args);

// The request's page: status timeline, due date, messages, the reply form (with the documents' limits), withdrawal
// while the request is open, and the way to the answer.
public sealed record PortalHomeModel(
    PortalPageFrame Frame, IReadOnlyList<TimelineStep> Timeline, DateOnly? DueOn, bool ClockStopped, bool Open,
    bool AwaitingIdentity, bool AnswerReady, IReadOnlyList<PortalMessage> Messages, string? Notice,
    IReadOnlyList<PortalFieldError> Errors, string? ReplyText, int MaxFiles, int MaxMegabytes)
{
    // A refused request under a law with an appeal (VA, CO, CT): the button, or the appeal already made.
    public PortalAppeal? Appeal { get; init; }
}

// State: the law's state ("Virginia"); Days: the appeal period; Reference: the appeal once made.
public sealed record PortalAppeal(string State, int Days, string? Reference);

// What every portal page needs: the request's reference, the language, its time zone for dates, the page's own path.
public sealed record PortalPageFrame(string Reference, string Language, string TimeZone, string Path);

public sealed record PortalIdentityModel(PortalPageFrame Frame, bool Waiting, IReadOnlyList<PortalFieldError> Errors);

// Parts: the answer's files (none until it is ready); CodeSent: a code was e-mailed and awaits typing; Open: the code
// typed was right, so the download links are shown.
public sealed record PortalAnswerModel(PortalPageFrame Frame, IReadOnlyList<string> Parts, bool CodeSent, string? SentTo, bool Open,
    IReadOnlyList<PortalFieldError> Errors);

// The confirmation step of a withdrawal; Open: the request can still be withdrawn.
public sealed record PortalWithdrawModel(PortalPageFrame Frame, bool Open);

// A page without a request behind it: link not valid, link expired, session ended, form expired, too many requests.
public sealed record PortalNoticeModel(string Language, string TitleKey, string BodyKey, object?[] Args, string? BackPath = null);

internal static class PortalMessages
{
    public static IReadOnlyList<PortalMessage> From(IEnumerable<MessageView> messages) =>
        [.. messages
            .Where(m => m.Direction == MessageDirections.FromSubject || m.Delivery == DeliveryState.Sent)
            .OrderBy(m => m.CreatedAt)
            .Select(m => new PortalMessage(m.Direction == MessageDirections.FromSubject, m.SentAt ?? m.CreatedAt, m.Text))];
}
