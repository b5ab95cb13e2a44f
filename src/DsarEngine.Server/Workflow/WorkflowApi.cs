using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Workflow;

// Human decisions and operator commands. Each becomes a signal through the same one-transaction path as
// connector replies and timers; a command that does not fit the workflow's state changes nothing (409).
internal static class WorkflowApi
{
    public static RouteGroupBuilder MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/requests/{reference}").WithTags("Staff: workflow").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/workflow", Get).WithSummary("Where the request's workflow stands: step, bookmark, connector tasks, incident");
        var write = group.MapGroup("/").RequireAuthorization(AuthServices.StaffWrite);
        write.MapPost("/decisions", Command<DecisionBody>(WorkflowCommands.Decision)).Accepts<DecisionBody>("application/json")
            .WithSummary("Decide an assess (proceed, partial, refuse) or review (approve, reject) step");
        write.MapPost("/identity", Command<IdentityBody>(WorkflowCommands.Identity)).Accepts<IdentityBody>("application/json")
            .WithSummary("Verify the subject's identity manually, noting the evidence");
        write.MapPost("/retry", Command<ReasonBody>(WorkflowCommands.Retry)).Accepts<ReasonBody>("application/json")
            .WithSummary("Retry a step that needs attention");
        write.MapPost("/skip", Command<ReasonBody>(WorkflowCommands.Skip)).Accepts<ReasonBody>("application/json")
            .WithSummary("Skip the current step, with a reason");
        write.MapPost("/close", Command<ReasonBody>(WorkflowCommands.Close)).Accepts<ReasonBody>("application/json")
            .WithSummary("Close the request, with a reason");
        write.MapPost("/timers/rearm", Command<ReasonBody>((_, actor) => (new Signal.RearmTimers(actor), [])))
            .Accepts<ReasonBody>("application/json")
            .WithSummary("Schedule the reminders, escalation and a waiting fan-out's timeout again");
        write.MapPost("/restriction/lift", Lift).Accepts<LiftBody>("application/json")
            .WithSummary("Lift a carried-out restriction: the subject is told now (Art. 18(3)), the systems at liftAt");
        return group;
    }

    private static async Task<Results<Ok<WorkflowView>, ProblemHttpResult>> Get(
        string reference, ClaimsPrincipal user, WorkflowService workflows, CancellationToken ct) =>
        await workflows.FindAsync(user.Tenant(), reference, ct) switch
        {
            null => Problems.NotFound("request in your organisation"),
            { Instance: null } => Problems.NotFound("workflow for this request"),
            { Instance: { } instance } => TypedResults.Ok(WorkflowView.From(instance)),
        };

    // GDPR Art. 18(3): as Command, with the clock the notice period is counted from.
    private static async Task<Results<Ok<WorkflowView>, ValidationProblem, ProblemHttpResult>> Lift(string reference, HttpRequest http,
        ClaimsPrincipal user, WorkflowService workflows, IOptions<IntakeOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<LiftBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var (signal, errors) = LiftCommand.ToSignal(body.Value!, user.Actor(), clock.GetUtcNow());
        return signal is null
            ? Problems.Validation(errors, "Nothing was changed.")
            : Reply(await workflows.SendAsync(user.Tenant(), reference, signal, ct));
    }

    private static Delegate Command<TBody>(Func<TBody, string, (Signal? Signal, Dictionary<string, string[]> Errors)> toSignal) =>
        async Task<Results<Ok<WorkflowView>, ValidationProblem, ProblemHttpResult>> (string reference, HttpRequest http,
            ClaimsPrincipal user, WorkflowService workflows, IOptions<IntakeOptions> options, CancellationToken ct) =>
        {
            var body = await JsonBodyReader.ReadAsync<TBody>(http, options.Value.MaxBodyBytes, ct);
            if (body.Problem is not null)
                return body.Problem;
            var (signal, errors) = toSignal(body.Value!, user.Actor());
            if (signal is null)
                return Problems.Validation(errors, "Nothing was changed.");
            return Reply(await workflows.SendAsync(user.Tenant(), reference, signal, ct));
        };

    private static Results<Ok<WorkflowView>, ValidationProblem, ProblemHttpResult> Reply(WorkflowCommandResult result) =>
        result.Status switch
        {
            WorkflowCommandStatus.RequestNotFound => Problems.NotFound("request in your organisation"),
            WorkflowCommandStatus.NoWorkflow => Problems.NotFound("workflow for this request"),
            WorkflowCommandStatus.Applied => TypedResults.Ok(WorkflowView.From(result.Instance!)),
            WorkflowCommandStatus.Refused when result.Outcome is { Slug: { } slug } outcome => Problems.Of(
                StatusCodes.Status409Conflict, slug, "Refused; nothing was changed.", outcome.Reason),
            _ => Problems.Of(StatusCodes.Status409Conflict, "not-applicable",
                "The workflow is not waiting for this; nothing was changed.",
                $"It is {result.Instance!.Status}" +
                $"{(result.Instance.WaitingFor is null ? "" : $", waiting for {result.Instance.WaitingFor}")}."),
        };
}
