using DsarEngine.Server.Conversations;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Portal;

internal enum ReplyResult { Sent, SentAndResumed, Invalid, NotFound }

// The subject's reply from the portal, checked field by field so that the page can say what to fix.
internal sealed class PortalReplies(ConversationService conversations)
{
    // The reply's text and its documents together (the server refuses a larger body before the endpoint reads it).
    public const long MaxBodyBytes = 64 * 1024;

    public async Task<(ReplyResult Result, IReadOnlyList<FieldError> Errors)> SendAsync(
        StoredRequest request, string? text, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (CheckText(text) is { } error)
            errors.Add(error);
        if (errors.Count > 0)
            return (ReplyResult.Invalid, errors);
        var outcome = await conversations.RecordSubjectReplyAsync(request.TenantId, request.Id, text, ct);
        return outcome.Status switch
        {
            ConversationStatus.Done => (ReplyResult.Sent, []),
            _ => (ReplyResult.NotFound, []),
        };
    }

    public const string TextField = "reply-text";

    private static FieldError? CheckText(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return new(TextField, "Portal.Error.ReplyEmpty");
        return trimmed.Length > ConversationText.MaxLength
            ? new(TextField, "Portal.Error.ReplyTooLong", trimmed.Length, ConversationText.MaxLength) : null;
    }
}
