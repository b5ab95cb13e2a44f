using System.Security.Claims;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Inbox.Request;

// A request's document (letter, notice, portability archive) for the signed-in person: the inbox cookie only (the path
// is under /inbox), scoped by their organisation (another organisation's reference is not found), any inbox role
// (an auditor reads everything, incl. what was sent). Downloaded as an attachment; a PDF is also previewed inline (PreviewAsync).
internal static class RequestDocumentsEndpoint
{
    public static IEndpointRouteBuilder MapRequestDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inbox/requests/{reference}/documents/{id:guid}", ReadAsync)
            .RequireAuthorization(AuthServices.Inbox)
            .ExcludeFromDescription();
        app.MapGet("/inbox/requests/{reference}/documents/{id:guid}/preview", PreviewAsync)
            .RequireAuthorization(AuthServices.Inbox)
            .ExcludeFromDescription();
        // A connector task's export (the subject's data as a system gave it): the staff API's own handler, and like the API
        // for the roles that work requests only; an auditor sees that an export exists and its size, not the data.
        app.MapGet("/inbox/requests/{reference}/tasks/{taskId:guid}/export", Connectors.TasksApi.Export)
            .RequireAuthorization(AuthServices.Inbox, AuthServices.StaffWrite)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ReadAsync(string reference, Guid id, ClaimsPrincipal user,
        RequestStore requests, PackStore packs, CancellationToken ct)
    {
        if (await FindAsync(reference, id, user, requests, packs, ct) is not var (document, content))
            return TypedResults.NotFound();
        var zip = document.Kind == "portability-zip";
        return TypedResults.File(content, zip ? "application/zip" : "application/pdf",
            $"{reference}-{document.Kind}.{(zip ? "zip" : "pdf")}");
    }

    // The same PDF shown inline in the request page's frame: only a PDF (an archive is downloaded, never framed), framed by
    // the inbox's own origin only (SecurityHeaders.AllowFramingBySelf), under a policy that loads nothing else.
    private static async Task<Results<FileContentHttpResult, NotFound>> PreviewAsync(string reference, Guid id, ClaimsPrincipal user,
        RequestStore requests, PackStore packs, HttpResponse response, CancellationToken ct)
    {
        if (await FindAsync(reference, id, user, requests, packs, ct) is not var (document, content) || document.Kind == "portability-zip")
            return TypedResults.NotFound();
        SecurityHeaders.AllowFramingBySelf(response);
        response.Headers.ContentDisposition = "inline";
        return TypedResults.File(content, "application/pdf");
    }

    private static async Task<(PackStore.Document Document, byte[] Content)?> FindAsync(string reference, Guid id, ClaimsPrincipal user,
        RequestStore requests, PackStore packs, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return null;
        var document = (await packs.ListAsync(request.TenantId, request.Id, ct)).FirstOrDefault(d => d.Id == id);
        if (document is null || await packs.ReadAsync(request.TenantId, request.Id, id, ct) is not { } content)
            return null;
        return (document, content);
    }
}
