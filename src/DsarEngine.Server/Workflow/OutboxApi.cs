using System.Security.Claims;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Workflow;

// Outbox messages the engine gave up on (dead): visible to the organisation's staff, requeued by its admins once the
// cause is fixed. Rows of another organisation do not exist for the caller (404).
internal static class OutboxApi
{
    public static RouteGroupBuilder MapOutboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/outbox").WithTags("Staff: outbox").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", List)
            .WithSummary("Messages that could not be sent (state=dead): type, destination, attempts, last error; never their bodies");
        group.MapPost("/{id:guid}/retry", Retry).RequireAuthorization(AuthServices.Admin)
            .WithSummary("Send a dead message again (admins only); journaled on its request");
        return group;
    }

    private static async Task<Results<Ok<DeadOutboxMessage[]>, ValidationProblem>> List(
        ClaimsPrincipal user, OutboxStore outbox, string? state, int? limit, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (state is not (null or "dead"))
            errors["state"] = ["Only 'dead' is listed: messages still being sent need nobody."];
        if (limit is < 1 or > 500)
            errors["limit"] = ["Between 1 and 500."];
        if (errors.Count > 0)
            return Problems.Validation(errors, "Fix the query parameters.");
        return TypedResults.Ok((await outbox.ListDeadAsync(user.Tenant(), limit ?? 100, ct)).ToArray());
    }

    private static async Task<Results<Ok<OutboxRequeued>, ProblemHttpResult>> Retry(
        Guid id, ClaimsPrincipal user, OutboxStore outbox, TimeProvider clock, CancellationToken ct) =>
        await outbox.RequeueAsync(user.Tenant(), id, user.Actor(), clock.GetUtcNow(), ct) switch
        {
            RequeueResult.Requeued => TypedResults.Ok(new OutboxRequeued(id, "queued")),
            RequeueResult.NotDead => Problems.Of(StatusCodes.Status409Conflict, "not-dead",
                "Only a dead message can be requeued; nothing was changed.", "This message is still being sent, or was sent."),
            _ => Problems.NotFound("outbox message in your organisation"),
        };
}

internal sealed record OutboxRequeued(Guid Id, string State);
