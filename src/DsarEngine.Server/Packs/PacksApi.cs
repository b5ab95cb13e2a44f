using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Packs;

// Staff preview of what the subject receives: the response letter (the latest rendered), before or after it is sent
// (definitions review after render-pack, so the reviewer approves this very file), and every document of the request:
// letters, the subject's full access copy, the portability archive, notice letters (extension, identity-proof request) to
// post when the request came on paper.
internal static class PacksApi
{
    public static void MapPacksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/requests/{reference}")
            .WithTags("Staff: response packs")
            .RequireAuthorization(AuthServices.StaffWrite);
        group.MapGet("/pack/letter.pdf", Letter).WithSummary("The response letter as rendered (PDF)");
        group.MapGet("/documents", List).WithSummary(
            "Every document rendered for the request: response letter, the access copy, portability archive, notice letters");
        group.MapGet("/documents/{id:guid}", Read).WithSummary("One document (PDF or ZIP)");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Letter(
        string reference, ClaimsPrincipal user, RequestStore requests, PackStore packs, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        return await packs.LatestAsync(request.TenantId, request.Id, "letter", ct) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", $"{reference}.pdf")
            : Problems.NotFound("rendered letter for this request (the workflow has not reached its render-pack step)");
    }

    internal sealed record DocumentView(
        Guid Id, string Kind, string Language, int Bytes, string Sha256, DateTimeOffset CreatedAt, string Url);

    private static async Task<Results<Ok<DocumentView[]>, ProblemHttpResult>> List(
        string reference, ClaimsPrincipal user, RequestStore requests, PackStore packs, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        return TypedResults.Ok((await packs.ListAsync(request.TenantId, request.Id, ct))
            .Select(d => new DocumentView(
                d.Id, d.Kind, d.Language, d.Bytes, d.Sha256, d.CreatedAt, $"/api/v1/staff/requests/{reference}/documents/{d.Id}"))
            .ToArray());
    }

    // An archive (the access copy, portability's) holds every record: reading it is journaled with who read it.
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Read(string reference, Guid id, ClaimsPrincipal user,
        RequestStore requests, PackStore packs, TimeProvider clock, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        if (await packs.ReadAsStaffAsync(request.TenantId, request.Id, id, user.Actor(), clock.GetUtcNow(), ct)
            is not var (document, content))
            return Problems.NotFound("document of this request");
        return TypedResults.File(content, PackKinds.MediaType(document.Kind), PackKinds.FileName(reference, document.Kind));
    }
}
