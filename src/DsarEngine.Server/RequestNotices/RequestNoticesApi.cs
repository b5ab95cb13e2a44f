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
        ClaimsPrincipal user, RequestNoticeCommands commands, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<NoticeBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        return Answer(await commands.AddAsync(user, reference, body.Value!, ct), () => TypedResults.Created(
            $"/api/v1/staff/requests/{reference}/notices"), "already-recorded", "This one is already recorded for the request.");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Notified(string reference, Guid id,
        HttpRequest http, ClaimsPrincipal user, RequestNoticeCommands commands, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<NotifiedBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        return Answer(await commands.MarkNotifiedAsync(user, reference, id, body.Value!, ct), TypedResults.NoContent,
            "not-applicable", "No such notice still to do for this request; nothing changed.");
    }

    private static Results<T, ValidationProblem, ProblemHttpResult> Answer<T>(NoticeResult result, Func<T> done, string conflict,
        string conflictTitle) where T : IResult => result.Outcome switch
    {
        NoticeOutcome.Done => done(),
        NoticeOutcome.Invalid => Problems.Validation(result.Errors!.ToDictionary(), "Nothing was stored."),
        NoticeOutcome.NotFound => Problems.NotFound("request in your organisation"),
        NoticeOutcome.Conflict => Problems.Of(StatusCodes.Status409Conflict, conflict, conflictTitle),
        _ => Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Your role can read but not change requests."),
    };
}
