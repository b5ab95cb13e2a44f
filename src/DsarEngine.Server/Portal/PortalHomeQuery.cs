using DsarEngine.Server.Conversations;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Portal;

// Everything the request's page shows, read for the request the session opened.
internal sealed class PortalHomeQuery(MessageStore messages, PortalAnswer answer, PortalReplies replies,
    Appeals.AppealStore appeals)
{
    public async Task<PortalHomeModel> BuildAsync(PortalView view, string? notice, IReadOnlyList<PortalFieldError> errors,
        string? replyText, CancellationToken ct)
    {
        var request = view.Request;
        var open = IsOpen(request.Status);
        var listed = await messages.ListAsync(request, ConversationService.ListLimit, ct);
        return new PortalHomeModel(Frame(view, PortalPaths.Page(request.Reference)), PortalTimeline.From(view.Journal),
            request.EffectiveDue,
            request.Clock.OpenStop is not null, open, request.Status == RequestStatus.AwaitingIdentity,
            (await answer.PartsAsync(request, ct)).Count > 0, PortalMessages.From(listed), notice, errors, replyText,
            replies.Limits.MaxFiles, replies.Limits.MaxBytes / (1024 * 1024)) { Appeal = await AppealAsync(request, ct) };
    }

    // The appeal a refused request offers where its law has one; the request's page shows the button or the appeal made.
    private async Task<PortalAppeal?> AppealAsync(Requests.StoredRequest request, CancellationToken ct)
    {
        if (!Workflows.Deadlines.AppealPeriods.TryFor(request.Regime, out var rules)
            || await appeals.FindAppealedAsync(request.TenantId, request.Reference, ct) is not { Refused: true })
            return null;
        return new PortalAppeal(rules.State, rules.Clock.Period.Amount, await appeals.FindAppealOfAsync(request.TenantId, request.Id, ct));
    }

    public static bool IsOpen(string status) => !RequestStatus.Finished.Contains(status);

    public static PortalPageFrame Frame(PortalView view, string path) =>
        new(view.Request.Reference, view.Language, view.Request.TimeZone ?? "UTC", path);
}
