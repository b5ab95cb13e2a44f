using DsarEngine.Server.Conversations;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Portal;

// Everything the request's page shows, read for the request the session opened.
internal sealed class PortalHomeQuery(MessageStore messages, PortalAnswer answer)
{
    public const string Withdrawn = "withdrawn";

    public async Task<PortalHomeModel> BuildAsync(PortalView view, string? notice, IReadOnlyList<FieldError> errors, string? replyText,
        CancellationToken ct)
    {
        var request = view.Request;
        var open = IsOpen(request.Status);
        var listed = await messages.ListAsync(request, ConversationService.ListLimit, ct);
        return new PortalHomeModel(Frame(view, PortalPaths.Page(request.Reference)), PortalTimeline.From(view.Journal), request.EffectiveDue,
            request.Clock.OpenStop is not null, open, request.Status == RequestStatus.AwaitingIdentity,
            (await answer.PartsAsync(request, ct)).Count > 0, PortalMessages.From(listed), notice, errors, replyText);
    }

    public static bool IsOpen(string status) =>
        status is not (RequestStatus.Completed or RequestStatus.Refused or RequestStatus.Closed or Withdrawn);

    public static PortalPageFrame Frame(PortalView view, string path) =>
        new(view.Request.Reference, view.Language, view.Request.TimeZone ?? "UTC", path);
}
