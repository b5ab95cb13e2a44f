using System.Security.Claims;
using DsarEngine.Server.Auth;
using DsarEngine.Server.Infrastructure;
using DsarEngine.Server.Mail;
using DsarEngine.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Apis;

// The local mailbox: every message the engine sent or would send, rendered. With no SMTP server configured
// (demo, tests) this is where the subject's links arrive, so flows that send links can be followed end to end.
internal static class MailboxApi
{
    public static RouteHandlerBuilder MapMailboxApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/staff/mailbox", List).WithTags("Staff: mailbox").RequireAuthorization(AuthServices.Staff)
            .WithSummary("Outgoing e-mail of your organisation, newest first");

    private static async Task<Results<Ok<MailView[]>, ValidationProblem>> List(
        ClaimsPrincipal user, MailboxStore mailbox, MailRenderer renderer, string? to, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > 200)
            return Problems.Validation(new Dictionary<string, string[]> { ["limit"] = ["Between 1 and 200."] }, "Fix the query parameters.");
        var messages = await mailbox.ListAsync(user.Tenant(), to, limit ?? 50, ct);
        var views = new List<MailView>(messages.Count);
        foreach (var mail in messages)
        {
            var (subject, body) = await renderer.RenderAsync(mail, ct);
            views.Add(new MailView(mail.Id, mail.ToAddress, subject, body, mail.Template, mail.Language, mail.CreatedAt, mail.SentAt, mail.Attempts, mail.LastError));
        }
        return TypedResults.Ok(views.ToArray());
    }
}

internal sealed record MailView(Guid Id, string To, string Subject, string Body, string Template, string Language,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, string? LastError);
