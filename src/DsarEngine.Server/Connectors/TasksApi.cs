using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors;

// Connector tasks of one request: what each system answered, and what people do when a system cannot: complete
// a manual connector's task (with the export they gathered), settle a failed one with a note, or send it again.
internal static class TasksApi
{
    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/requests/{reference}/tasks")
            .WithTags("Staff: connector tasks")
            .RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", List).WithSummary("Every connector task of the request, with outcomes, retained data and exports");
        var write = group.MapGroup("/{taskId:guid}").RequireAuthorization(AuthServices.StaffWrite);
        write.MapPost("/complete", Complete).WithBodyLimit(CompleteTaskBody.MaxBytes).Accepts<CompleteTaskBody>("application/json")
            .WithSummary("Complete a task by hand (a manual connector, or one that failed or timed out), " +
                "with a note and optionally the exported data");
        write.MapPost("/retry", Retry).Accepts<ReasonBody>("application/json").WithSummary("Send one failed or timed-out task again");
        write.MapGet("/export", Export).WithSummary("The exported document of a task (decrypted JSON)");
        return group;
    }

    private static async Task<Results<Ok<TaskView[]>, ProblemHttpResult>> List(
        string reference, ClaimsPrincipal user, WorkflowService workflows, CancellationToken ct) =>
        await workflows.FindAsync(user.Tenant(), reference, ct) is { Instance: { } instance }
            ? TypedResults.Ok(instance.State.Tasks.Select(TaskView.From).ToArray())
            : Problems.NotFound("request with a workflow in your organisation");

    private static async Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> Complete(string reference, Guid taskId,
        HttpRequest http, ClaimsPrincipal user, RequestStore requests, TaskCommands tasks, IOptions<IntakeOptions> options,
        CancellationToken ct)
    {
        // A manual export may be big: allow 8 MiB here, the public API's limit elsewhere.
        var body = await JsonBodyReader.ReadAsync<CompleteTaskBody>(
            http, Math.Max(options.Value.MaxBodyBytes, CompleteTaskBody.MaxBytes), ct);
        if (body.Problem is not null)
            return body.Problem;
        var (checkedBody, errors) = body.Value!.Check();
        if (checkedBody is null)
            return Problems.Validation(errors, "Nothing was changed.");
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        var result = await tasks.CompleteAsync(request, taskId, checkedBody, user.Actor(), ct);
        return Answer(result, taskId);
    }

    private static async Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> Retry(
        string reference, Guid taskId, ClaimsPrincipal user, WorkflowService workflows, CancellationToken ct)
    {
        var result = await workflows.SendAsync(user.Tenant(), reference, new Signal.RetryTask(taskId, user.Actor()), ct);
        return result.Status == WorkflowCommandStatus.RequestNotFound
            ? Problems.NotFound("request in your organisation")
            : Answer(result, taskId);
    }

    // Streamed a chunk at a time, decrypted as it goes (security review M11): a large export is never held whole.
    // Also the inbox's download (Inbox/Request/RequestDocumentsEndpoint): one handler, so both read the same export.
    internal static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(string reference, Guid taskId, ClaimsPrincipal user,
        WorkflowService workflows, ExportStore exports, CancellationToken ct)
    {
        if ((await workflows.FindAsync(user.Tenant(), reference, ct))?.Instance is not { } instance
            || instance.State.Tasks.FirstOrDefault(t => t.TaskId == taskId)?.Export is not { } export
            || await exports.SizeAsync(instance.RequestId, export.ExportId, ct) is null)
            return Problems.NotFound("export of this task");
        return TypedResults.Stream(
            body => exports.CopyToAsync(instance.RequestId, export.ExportId, body, ct), "application/json", $"{taskId:N}.json");
    }

    private static Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult> Answer(WorkflowCommandResult result, Guid taskId)
    {
        if (result.Instance?.State.Tasks.FirstOrDefault(t => t.TaskId == taskId) is not { } task)
            return Problems.NotFound("task of this request");
        return result.Status == WorkflowCommandStatus.Applied
            ? TypedResults.Ok(TaskView.From(task))
            : Problems.Of(StatusCodes.Status409Conflict, "not-applicable", "The task cannot be changed now; nothing was changed.",
                $"The task is {task.Status} and the workflow is {result.Instance.Status}.");
    }
}
