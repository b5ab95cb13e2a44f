namespace DsarEngine.Server.Portal;

internal static partial class PortalApi
{
    // The reply form (multipart: text and documents). Bad input re-renders the page with an error summary and changes nothing.
    private static async Task<IResult> Reply(string reference, HttpContext http, PortalAccess access, PortalHomeQuery home,
        PortalReplies replies, CancellationToken ct)
    {
        var (refusal, view) = await OpenFormPostAsync(reference, http, access, "the inbox's request page", ct);
        if (view is null)
            return refusal!;
        var form = await http.Request.ReadFormAsync(ct);
        var text = form["reply"].ToString();
        var (result, errors) = await replies.SendAsync(view.Request, text, await PortalReplies.FilesAsync(form.Files, ct), ct);
        return result switch
        {
            ReplyResult.Sent => PortalResults.SeeOther($"{PortalPaths.Page(reference)}?done=reply#messages"),
            ReplyResult.SentAndResumed => PortalResults.SeeOther($"{PortalPaths.Page(reference)}?done=reply-resumed#messages"),
            ReplyResult.Invalid => PortalResults.Page<Pages.PortalHome>(
                await home.BuildAsync(view, null, errors, text, ct), StatusCodes.Status400BadRequest),
            _ => Refused(http, PortalDoor.NoSession),
        };
    }
}
