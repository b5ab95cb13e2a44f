using System.Security.Claims;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Mail;

// The organisation's outgoing e-mail and how its delivery is going. Admins only, and never with the subject's
// secrets: links and one-time codes are replaced by placeholders, so no one at the organisation can take the
// subject's place (review H1). The subject reads the real message in their own inbox.
internal static class MailboxApi
{
    public static RouteGroupBuilder MapMailboxApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/mailbox").WithTags("Staff: mailbox").RequireAuthorization(AuthServices.Admin);
        group.MapGet("/", List).WithSummary("Outgoing e-mail of your organisation, newest first: delivery state, links and codes redacted");
        group.MapPost("/{id:guid}/retry", Retry).WithSummary("Send a dead message again, with a fresh set of attempts");
        return group;
    }

    private static async Task<Results<Ok<MailView[]>, ValidationProblem>> List(
        ClaimsPrincipal user, MailboxStore mailbox, MailRenderer renderer, string? to, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 200)
            return Problems.Validation(
                new Dictionary<string, string[]> { ["limit"] = ["Between 1 and 200."] }, "Fix the query parameters.");
        var messages = await mailbox.ListAsync(user.Tenant(), to, limit ?? 50, ct);
        var views = new List<MailView>(messages.Count);
        foreach (var mail in messages)
        {
            var (subject, body) = await renderer.RenderAsync(mail, MailAudience.Staff, ct);
            views.Add(MailView.From(mail, subject, body));
        }
        return TypedResults.Ok(views.ToArray());
    }

    private static async Task<Results<Accepted<MailRequeued>, ProblemHttpResult>> Retry(Guid id, ClaimsPrincipal user, MailboxStore mailbox,
        TimeProvider clock, CancellationToken ct) =>
        await mailbox.RequeueAsync(user.Tenant(), id, user.Actor(), clock.GetUtcNow(), ct) switch
        {
            MailRequeue.Requeued => TypedResults.Accepted((string?)null, new MailRequeued(id, MailView.Queued)),
            MailRequeue.NotDead => Problems.Of(StatusCodes.Status409Conflict, "mail-not-dead", "Only a dead message can be sent again.",
                "This message is sent or still being retried; its state is in GET /api/v1/staff/mailbox."),
            _ => Problems.NotFound("message in your organisation's mailbox"),
        };
}

internal sealed record MailRequeued(Guid Id, string State);
