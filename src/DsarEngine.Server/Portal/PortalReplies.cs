using DsarEngine.Server.Conversations;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Uploads;

namespace DsarEngine.Server.Portal;

internal enum ReplyResult { Sent, SentAndResumed, Invalid, NotFound }

// The subject's reply from the portal: the text and the documents checked field by field, so that the page can say what
// to fix (and nothing is stored), then ConversationService's reply with documents.
internal sealed class PortalReplies(ConversationService conversations, UploadCheck check)
{
    public const string TextField = "reply-text";
    public const string FilesField = "reply-documents";
    public const string DocumentKind = "reply";

    // The body a reply may have: every document at its largest, and room for the text and the multipart framing.
    public static long MaxBodyBytes(UploadOptions limits) => (long)limits.MaxFiles * limits.MaxBytes + 256 * 1024;

    public UploadOptions Limits => check.Limits;

    public async Task<(ReplyResult Result, IReadOnlyList<PortalFieldError> Errors)> SendAsync(
        StoredRequest request, string? text, IReadOnlyList<IncomingFile> files, CancellationToken ct)
    {
        var errors = new List<PortalFieldError>();
        if (CheckText(text) is { } error)
            errors.Add(error);
        var (documents, refusals) = check.Check(files);
        errors.AddRange(refusals.Select(Refusal));
        if (errors.Count > 0)
            return (ReplyResult.Invalid, errors);
        var outcome = await conversations.RecordSubjectReplyAsync(request.TenantId, request.Id, text, documents, ct);
        return outcome.Status switch
        {
            ConversationStatus.Done => (outcome.ClockResumed ? ReplyResult.SentAndResumed : ReplyResult.Sent, []),
            _ => (ReplyResult.NotFound, []),
        };
    }

    // The files of the form, in the order sent; a file input left empty sends a nameless empty part, which is no document.
    public static async Task<IReadOnlyList<IncomingFile>> FilesAsync(IFormFileCollection files, CancellationToken ct)
    {
        var incoming = new List<IncomingFile>();
        foreach (var file in files.GetFiles("documents").Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            incoming.Add(new IncomingFile(incoming.Count + 1, DocumentKind, file.FileName, file.ContentType, buffer.ToArray()));
        }
        return incoming;
    }

    private static PortalFieldError? CheckText(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return new(TextField, "Portal.Error.ReplyEmpty");
        return trimmed.Length > ConversationText.MaxLength
            ? new(TextField, "Portal.Error.ReplyTooLong", trimmed.Length, ConversationText.MaxLength) : null;
    }

    private PortalFieldError Refusal(UploadRefusal refusal) => refusal.Rule switch
    {
        UploadRules.TooMany => new(FilesField, "Portal.Error.FileTooMany", Limits.MaxFiles),
        UploadRules.TooLarge => new(FilesField, "Portal.Error.FileTooLarge", refusal.Position, Limits.MaxBytes / (1024 * 1024)),
        UploadRules.Empty => new(FilesField, "Portal.Error.FileEmpty", refusal.Position),
        UploadRules.Type => new(FilesField, "Portal.Error.FileType", refusal.Position),
        _ => new(FilesField, "Portal.Error.FileTypeMismatch", refusal.Position),
    };
}
