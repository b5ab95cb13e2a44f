using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Uploads;

namespace DsarEngine.Server.Inbox.Request;

// The request page's "Delete the copy" on a document the subject sent (GDPR Art. 5(1)(c), EDPB Guidelines 01/2022 §79:
// an identity document goes once checked). Like every page action: a writer asked of InboxUser when it runs, an agent only
// on their own requests, then the staff API's own rule and store (SubjectUploads), which journals the deletion.
internal sealed class DocumentActions(InboxUser inboxUser, RequestAssignment assignment, RequestStore requests, SubjectUploads uploads,
    TimeProvider clock)
{
    public async Task<ActionResult> DeleteAsync(string reference, Guid document, string? reason, CancellationToken ct)
    {
        var (writer, refused) = await PageWriter.CheckAsync(inboxUser, assignment, reference, ct, "Nothing was deleted.");
        if (writer is not { } user)
            return refused!;
        if (SubjectUploads.DeletionReasonError(reason) is { } invalid)
            return new(false, $"Nothing was deleted: {invalid}");
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return new(false, "This request is not in your organisation. Nothing was deleted.");
        return await uploads.DeleteAsync(request.TenantId, request.Id, document, user.Actor(), reason!.Trim(), clock.GetUtcNow(), ct)
            ? new(true, "Done: the copy was deleted. The journal keeps its fingerprint, who deleted it and why.")
            : new(false, "This document is no longer there (someone may have deleted it already). Nothing was deleted.");
    }
}
