using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.PostMortemInstructions;

internal sealed record PostMortemView(string Reference, DateTimeOffset ReceivedAt, string Kind, string? Action, string[] Scope,
    object? Designee, string? DiedOn, string? RevokedBy)
{
    public static PostMortemView From(PostMortemRecord r) => new(r.Reference, r.ReceivedAt, r.Kind, r.Action, r.Scope,
        r.DesigneeName is null ? null : new { name = r.DesigneeName, email = r.DesigneeEmail },
        r.DiedOn, r.RevokedBy);
}

// Staff read the post-mortem record of a request's subject: the instructions, who revoked which, and the after-death
// requests, so that a designee's or an heir's request is carried out on the instructions in force (LIL art. 85).
internal static class PostMortemApi
{
    public static IEndpointRouteBuilder MapPostMortem(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/staff/requests/{reference}/post-mortem", Get).WithTags("Staff: requests")
            .RequireAuthorization(AuthServices.Staff)
            .WithSummary("The subject's post-mortem instructions, revocations and after-death requests, oldest first");
        return app;
    }

    private static async Task<Results<Ok<PostMortemView[]>, ProblemHttpResult>> Get(string reference, ClaimsPrincipal user,
        RequestStore requests, PostMortemStore store, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is null)
            return Problems.NotFound("request in your organisation");
        return TypedResults.Ok((await store.ForSubjectAsync(user.Tenant(), reference, ct)).Select(PostMortemView.From).ToArray());
    }
}
