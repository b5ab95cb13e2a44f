using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.RequestNotices;

internal sealed record NoticeBody(string? Kind, string? Recipient, string? System);

internal sealed record NotifiedBody(string? Method);

// Whom the outcome of a rectification, erasure or restriction must reach, and the record that each was told: the
// recipients the systems reported (GDPR Art. 19, added by the notify-recipients step) and, for an erasure of data made
// public, the other controllers to inform (Art. 17(2)), which a person records.
internal static class RequestNoticesApi
{
    private static readonly HashSet<string> Rights = ["rectification", "erasure", "restriction"];

    public static RouteGroupBuilder MapRequestNoticesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/requests/{reference}/notices").WithTags("Staff: recipients and controllers told")
            .RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", List).WithSummary("The recipients (Art. 19) and other controllers (Art. 17(2)) to tell, and who was told when");
        var write = group.MapGroup("/").RequireAuthorization(AuthServices.StaffWrite);
        write.MapPost("/", Add).Accepts<NoticeBody>("application/json")
            .WithSummary("Record a controller to inform of an erasure of data made public (Art. 17(2)), or a recipient to tell");
        write.MapPost("/{id:guid}/notified", Notified).Accepts<NotifiedBody>("application/json")
            .WithSummary("Record that the recipient or controller was told: now, by you, how");
        return group;
    }

    private static async Task<Results<Ok<RequestNotice[]>, ProblemHttpResult>> List(string reference, ClaimsPrincipal user,
        RequestStore requests, RequestNoticeStore notices, CancellationToken ct) =>
        await requests.FindAsync(user.Tenant(), reference, ct) is { } request
            ? TypedResults.Ok((await notices.ListAsync(request.TenantId, request.Id, ct)).ToArray())
            : Problems.NotFound("request in your organisation");

    private static async Task<Results<Created, ValidationProblem, ProblemHttpResult>> Add(string reference, HttpRequest http,
        ClaimsPrincipal user, RequestStore requests, RequestNoticeStore notices, IOptions<IntakeOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<NoticeBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        var (kind, recipient, system) = body.Value!;
        var errors = new Dictionary<string, string[]>();
        if (kind is not (RequestNoticeKinds.Recipient or RequestNoticeKinds.Controller))
            errors["kind"] = ["One of: recipient (Art. 19), controller (Art. 17(2))."];
        else if (kind == RequestNoticeKinds.Controller && request.RightKind != "erasure")
            errors["kind"] = ["Other controllers are informed only of an erasure (GDPR Art. 17(2))."];
        else if (!Rights.Contains(request.RightKind))
            errors["kind"] = ["Recipients are told only of a rectification, erasure or restriction (GDPR Art. 19)."];
        if (string.IsNullOrWhiteSpace(recipient) || recipient.Trim().Length > 200)
            errors["recipient"] = ["Required (at most 200 characters): the organisation to tell."];
        if (system is { Length: > 100 })
            errors["system"] = ["At most 100 characters."];
        if (errors.Count > 0)
            return Problems.Validation(errors, "Nothing was stored.");
        if (!await notices.AddAsync(request, kind!, system?.Trim() ?? "", recipient!.Trim(), user.Actor(), clock.GetUtcNow(), ct))
            return Problems.Of(StatusCodes.Status409Conflict, "already-recorded", "This one is already recorded for the request.");
        return TypedResults.Created($"/api/v1/staff/requests/{reference}/notices");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Notified(string reference, Guid id,
        HttpRequest http, ClaimsPrincipal user, RequestStore requests, RequestNoticeStore notices, IOptions<IntakeOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<NotifiedBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        if (string.IsNullOrWhiteSpace(body.Value!.Method) || body.Value.Method.Trim().Length > 500)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["method"] = ["Required (at most 500 characters): how it was told, e.g. 'e-mail to privacy@partner.example'."],
            }, "Nothing was stored.");
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        return await notices.MarkNotifiedAsync(request.TenantId, request.Id, id, user.Actor(), body.Value.Method.Trim(),
                clock.GetUtcNow(), ct)
            ? TypedResults.NoContent()
            : Problems.Of(StatusCodes.Status409Conflict, "not-applicable", "No such notice still to do for this request; nothing changed.");
    }
}
