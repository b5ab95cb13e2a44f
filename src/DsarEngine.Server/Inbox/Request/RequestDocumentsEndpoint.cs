using System.Security.Claims;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Inbox.Request;

// A request's document (letter, notice, portability archive) for the signed-in person: the inbox cookie only (the path
// is under /inbox), scoped by their organisation (another organisation's reference is not found), any inbox role
// (an auditor reads everything, incl. what was sent). Sent as an attachment: a browser never renders it in the inbox's origin.
internal static class RequestDocumentsEndpoint
{
    public static IEndpointRouteBuilder MapRequestDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inbox/requests/{reference}/documents/{id:guid}", ReadAsync)
            .RequireAuthorization(AuthServices.Inbox)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ReadAsync(string reference, Guid id, ClaimsPrincipal user,
        RequestStore requests, PackStore packs, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return TypedResults.NotFound();
        var document = (await packs.ListAsync(request.TenantId, request.Id, ct)).FirstOrDefault(d => d.Id == id);
        if (document is null || await packs.ReadAsync(request.TenantId, request.Id, id, ct) is not { } content)
            return TypedResults.NotFound();
        var zip = document.Kind == "portability-zip";
        return TypedResults.File(content, zip ? "application/zip" : "application/pdf",
            $"{reference}-{document.Kind}.{(zip ? "zip" : "pdf")}");
    }
}
