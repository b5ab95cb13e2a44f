using System.Security.Claims;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Inbox.Request;

// A request's document (letter, notice, the access copy, portability archive) for the signed-in person: the inbox cookie only (the path
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

    // The access copy and portability's archive hold every record of the subject: an auditor may read them too, and
    // each read is journaled with who read it (PackStore.ReadAsStaffAsync).
    private static async Task<Results<FileContentHttpResult, NotFound>> ReadAsync(string reference, Guid id, ClaimsPrincipal user,
        RequestStore requests, PackStore packs, TimeProvider clock, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request
            || await packs.ReadAsStaffAsync(request.TenantId, request.Id, id, user.Actor(), clock.GetUtcNow(), ct)
                is not var (document, content))
            return TypedResults.NotFound();
        return TypedResults.File(content, PackKinds.MediaType(document.Kind), PackKinds.FileName(reference, document.Kind));
    }

    // The same PDF shown inline in the request page's frame: only a PDF (an archive is downloaded, never framed), framed by
    // the inbox's own origin only (SecurityHeaders.AllowFramingBySelf), under a policy that loads nothing else.
    private static async Task<Results<FileContentHttpResult, NotFound>> PreviewAsync(string reference, Guid id, ClaimsPrincipal user,
        RequestStore requests, PackStore packs, HttpResponse response, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request
            || (await packs.ListAsync(request.TenantId, request.Id, ct)).FirstOrDefault(d => d.Id == id) is not { } document
            || PackKinds.IsArchive(document.Kind)
            || await packs.ReadAsync(request.TenantId, request.Id, id, ct) is not { } content)
            return TypedResults.NotFound();
        SecurityHeaders.AllowFramingBySelf(response);
        response.Headers.ContentDisposition = "inline";
        return TypedResults.File(content, "application/pdf");
    }
}
