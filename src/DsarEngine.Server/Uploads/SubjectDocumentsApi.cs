using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Uploads;

// What the subject sent with the request (supporting documents, a representative's proof of authority, later documents
// with a portal reply), for staff: listed without content; each download journaled (subject-document-read). The same
// handlers serve the staff API (API key or cookie, roles that work requests) and the inbox (cookie, any inbox role: an
// auditor checks the proof of authority a request was accepted on).
internal static class SubjectDocumentsApi
{
    public static IEndpointRouteBuilder MapSubjectDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/requests/{reference}/subject-documents")
            .WithTags("Staff: subject documents")
            .RequireAuthorization(AuthServices.StaffWrite);
        group.MapGet("/", List).WithSummary("The documents the subject sent (supporting, proof of authority, with replies)");
        group.MapGet("/{id:guid}", Read).WithSummary("One document the subject sent (journaled as subject-document-read)");
        group.MapPost("/{id:guid}/delete", Delete).Accepts<DeleteDocumentBody>("application/json")
            .WithSummary("Delete a document once checked, e.g. an identity document (journaled as subject-document-deleted)");
        app.MapGet("/inbox/requests/{reference}/subject-documents/{id:guid}", Read)
            .RequireAuthorization(AuthServices.Inbox)
            .ExcludeFromDescription();
        return app;
    }

    internal sealed record DeleteDocumentBody(string? Reason);

    internal sealed record SubjectDocumentView(
        Guid Id, string Kind, string MediaType, int Size, string Sha256, DateTimeOffset CreatedAt, Guid? MessageId, string Url);

    private static async Task<Results<Ok<SubjectDocumentView[]>, ProblemHttpResult>> List(
        string reference, ClaimsPrincipal user, RequestStore requests, SubjectUploads uploads, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        return TypedResults.Ok((await uploads.ListAsync(request.TenantId, request.Id, ct))
            .Select(d => new SubjectDocumentView(d.Id, d.Kind, d.MediaType, d.Size, d.Sha256, d.CreatedAt, d.MessageId,
                $"/api/v1/staff/requests/{Uri.EscapeDataString(reference)}/subject-documents/{d.Id}"))
            .ToArray());
    }

    // Always an attachment with the type its content was checked to be (never rendered by the engine's origin), under a
    // generic name: the original name is personal data and stays out of headers and logs.
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Read(string reference, Guid id, ClaimsPrincipal user,
        RequestStore requests, SubjectUploads uploads, TimeProvider clock, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request
            || await uploads.OpenAsync(request.TenantId, request.Id, id, user.Actor(), clock.GetUtcNow(), ct) is not { } opened)
            return Problems.NotFound("document the subject sent with this request");
        var extension = opened.Document.MediaType switch { "application/pdf" => "pdf", "image/png" => "png", _ => "jpg" };
        return TypedResults.File(opened.Content, opened.Document.MediaType, $"{reference}-{opened.Document.Kind}-{id:N}.{extension}");
    }

    // A reason is required (it is what an auditor reads: "identity checked against the passport; copy deleted").
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(string reference, Guid id,
        HttpRequest http, ClaimsPrincipal user, RequestStore requests, SubjectUploads uploads, IOptions<IntakeOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<DeleteDocumentBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var reason = body.Value!.Reason?.Trim();
        if (SubjectUploads.DeletionReasonError(reason) is { } invalid)
            return Problems.Validation(new Dictionary<string, string[]> { ["reason"] = [invalid] }, "Nothing was deleted.");
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request
            || !await uploads.DeleteAsync(request.TenantId, request.Id, id, user.Actor(), reason!, clock.GetUtcNow(), ct))
            return Problems.NotFound("document the subject sent with this request");
        return TypedResults.NoContent();
    }
}
