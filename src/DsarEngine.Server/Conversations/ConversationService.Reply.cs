using DsarEngine.Server.Uploads;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Conversations;

internal sealed partial class ConversationService
{
    public const string SubjectReplySource = "subject-reply";

    // The subject's reply with the documents it carries (already checked by UploadCheck), in one transaction: the message
    // and its journal entry, its documents (subject_documents, kind "reply", tied to the message) and, when documents
    // come while the clock is stopped for clarification, the clock's resumption, journaled as the subject's: what the
    // controller asked for has arrived (GDPR Recital 63; EDPB Guidelines 01/2022 on the clock stopped to clarify). A reply
    // in words only leaves the clock to the privacy team.
    public async Task<ConversationOutcome> RecordSubjectReplyAsync(
        Guid tenantId, Guid requestId, string? text, IReadOnlyList<CheckedFile> documents, CancellationToken ct)
    {
        if (ConversationText.Check(text, "reply") is (null, var error))
            return ConversationOutcome.Invalid(error!);
        if (await requests.FindByIdAsync(tenantId, requestId, ct) is not { } request)
            return ConversationOutcome.NotFound;
        var now = Now();
        var id = Guid.CreateVersion7(now);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var resumed = false;
        // First, as every signal does, so that the instance is locked before the request (the journal append locks the
        // request). The executor checks again under the lock that a stop is open; a stop opened for another reason since
        // this read would be resumed too, which the journal shows as the subject's.
        if (documents.Count > 0 && request.Clock.OpenStop is { Reason: ClarificationReason })
            resumed = (await processor.ProcessAsync(c, tx, request.Id,
                new Signal.ResumeClock("The subject replied with documents on the portal.", SubjectActor),
                new Workflow.SignalSource(SubjectReplySource, null), ct)).Result == Workflow.SignalResult.Applied;
        await messages.WriteAsync(c, tx, request, new NewMessage(id, MessageDirections.FromSubject, MessagePurposes.Reply, SubjectActor,
            text!.Trim(), ClockStopped: false, Mail: null, now), ct);
        if (documents.Count > 0)
            await uploads.WriteAsync(c, tx, tenantId, request.Id, id, documents, now, ct);
        await tx.CommitAsync(ct);
        return new(ConversationStatus.Done, id, ClockResumed: resumed);
    }
}
