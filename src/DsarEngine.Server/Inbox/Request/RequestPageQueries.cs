using Dapper;
using DsarEngine.Server.Deadlines;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;
using Npgsql;

namespace DsarEngine.Server.Inbox.Request;

// Reads the request page through the feature services the staff API uses (request, workflow, deadline, journal,
// documents), scoped by the signed-in person's organisation: another organisation's reference reads as not found.
internal sealed class RequestPageQueries(WorkflowService workflows, IWorkflowDefinitions definitions, DeadlineExplainer deadlines,
    RequestJournal journal, PackStore packs, Uploads.SubjectUploads uploads, RequestStore requests, TimeProvider clock,
    NpgsqlDataSource dataSource, Representatives.ProofConfirmation proofs, RequestNotices.RequestNoticeStore notices)
{
    private const string StampSql = """
        SELECT r.version AS RequestVersion, w.version AS WorkflowVersion, r.assignee_id AS AssigneeId,
            (SELECT max(j.seq) FROM request_journal j WHERE j.request_id = r.id) AS JournalSeq
        FROM requests r LEFT JOIN workflow_instances w ON w.request_id = r.id
        WHERE r.tenant_id = @TenantId AND r.reference = @Reference
        """;

    // What an open request page compares when its organisation changes something: three key lookups instead of the
    // whole page. Taken before the page is read, so a change made while it reads shows as a new stamp next time.
    public async Task<PageStamp?> StampAsync(Guid tenantId, string reference, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<PageStamp>(
            new CommandDefinition(StampSql, new { TenantId = tenantId, Reference = reference }, cancellationToken: ct));
    }

    public async Task<RequestPageModel?> LoadAsync(Guid tenantId, string reference, CancellationToken ct)
    {
        if (await workflows.FindAsync(tenantId, reference, ct) is not var (request, instance))
            return null;
        var view = StaffRequestView.From(request, clock.GetUtcNow());
        var definition = instance is null
            ? Safe(() => definitions.ForRight(request.RightKind))
            : definitions.Find(instance.DefinitionId, instance.DefinitionVersion);
        var workflow = instance is null ? null : WorkflowView.From(instance);
        var proof = await proofs.FindAsync(request, ct);
        return new RequestPageModel(view, SubjectView.From(view.Subject), instance?.State.IdentityVerified == true, workflow,
            WaitingText(instance?.WaitingFor), Steps(definition, instance), DueCountdown.From(view.Deadline, request.Status),
            await deadlines.ExplainAsync(request, ct), await journal.ReadAsync(request, ct),
            await packs.ListAsync(request.TenantId, request.Id, ct),
            [
                .. ProofActions.For(proof, workflow), .. PageActions.For(workflow, definition, view.Deadline, view.Right, view.Purpose),
                .. InformationActions.For(workflow, view),
            ],
            instance?.State.RefusalReason)
        {
            SubjectDocuments = await uploads.ListAsync(request.TenantId, request.Id, ct),
            Representative = await requests.FindRepresentativeAsync(request.TenantId, request.Id, ct),
            Proof = proof,
            Notices = await notices.ListAsync(request.TenantId, request.Id, ct),
        };
    }

    // A request whose workflow has not started yet: its right's current definition, if one serves it.
    private static WorkflowDefinition? Safe(Func<WorkflowDefinition> find)
    {
        try
        {
            return find();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static IReadOnlyList<StepLine> Steps(WorkflowDefinition? definition, WorkflowInstance? instance)
    {
        if (definition is null)
            return [];
        var closed = instance?.Status == InstanceStatus.Closed;
        // A refusal at assessment jumps to the refusal letter and passes over every step that would act on the data
        // (Executor.Decisions, Executor.Delivery): those read as skipped, not done.
        var assess = definition.IndexOf(definition.Steps.FirstOrDefault(s => s.Type == StepTypes.Assess)?.Id ?? "");
        bool Skipped(StepDefinition s, int i) => instance?.State.Outcome == "refused" && assess >= 0 && i > assess
            && s.Type is StepTypes.FanOut or StepTypes.PublishEvent or StepTypes.NotifyRecipients;
        return definition.Steps.Select((s, i) => new StepLine(i, s.Id, s.Type, Title(s), instance is null ? StepState.Waiting
            : Skipped(s, i) ? StepState.Skipped
            : closed && i == instance.StepIndex && instance.State.Outcome == Executor.WithdrawnOutcome ? StepState.Withdrawn
            : i < instance.StepIndex || (closed && i == instance.StepIndex) ? StepState.Done
            : i == instance.StepIndex ? (instance.Status == InstanceStatus.NeedsAttention ? StepState.NeedsAttention : StepState.Current)
            : closed ? StepState.NotReached : StepState.Waiting)).ToList();
    }

    private static string Title(StepDefinition s) => s.Type switch
    {
        StepTypes.VerifyIdentity => "Verify the subject's identity",
        StepTypes.Acknowledge => "Acknowledge receipt",
        StepTypes.Assess => "Assess the request",
        StepTypes.FanOut => $"Ask the connected systems ({s.Action})",
        StepTypes.Review => "Review the response letter",
        StepTypes.RenderPack => "Render the response letter",
        StepTypes.Deliver => "Deliver the response",
        StepTypes.NotifyRecipients => "Notify the recipients",
        StepTypes.PublishEvent => $"Publish the event {s.Event}",
        StepTypes.Close => "Close the request",
        _ => s.Type,
    };

    public static string? WaitingText(string? bookmark) => bookmark switch
    {
        null => null,
        Bookmarks.Identity => "the subject's identity to be verified",
        Bookmarks.Connectors => "the connected systems to answer",
        Bookmarks.Pack => "the response letter to be rendered",
        _ when bookmark.StartsWith("decision:", StringComparison.Ordinal) => $"a decision on the step \"{bookmark["decision:".Length..]}\"",
        _ => bookmark,
    };
}

// The request's, its workflow's and its journal's positions and its assignee: any change to what the page shows moves one.
internal sealed record PageStamp(int RequestVersion, int? WorkflowVersion, Guid? AssigneeId, int? JournalSeq);
