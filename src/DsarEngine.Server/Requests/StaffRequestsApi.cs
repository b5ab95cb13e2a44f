using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Requests;

// The privacy team's API. The tenant always comes from the API key, never from the URL or the body.
internal static class StaffRequestsApi
{
    public static RouteGroupBuilder MapStaffRequestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/requests").WithTags("Staff: requests").RequireAuthorization(AuthServices.Staff);
        group.MapPost("/", Log).RequireAuthorization(AuthServices.StaffWrite).Accepts<IntakeForm>("application/json")
            .WithSummary("Log a request received by e-mail, post, phone or in person, with its real receipt time");
        group.MapGet("/", List).WithSummary("Requests of your organisation, newest first");
        group.MapGet("/{reference}", Get).WithSummary("One request, with the subject's details");
        group.MapGet("/{reference}/journal", Journal).WithSummary("The request's hash-chained audit trail, verified");
        return group;
    }

    private static async Task<Results<Accepted<SubmittedRequest>, Ok<ReferralView>, ValidationProblem, ProblemHttpResult>> Log(
        HttpRequest http, ClaimsPrincipal user, IntakeService intake, StatusLinks links, IOptions<IntakeOptions> options,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<IntakeForm>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var command = new IntakeCommand(body.Value!, IntakeOrigin.Staff, body.Raw, idempotencyKey, null, user.Actor(), user.Tenant());
        return IntakeResults.ToHttp(await intake.SubmitAsync(command, ct), http.HttpContext, links);
    }

    private static async Task<Results<Ok<StaffRequestView[]>, ValidationProblem>> List(
        ClaimsPrincipal user, RequestStore requests, TimeProvider clock, string? status, int? limit, int? offset, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !RequestStatus.All.Contains(status))
            errors["status"] = [$"Unknown status. Expected one of: {string.Join(", ", RequestStatus.All)}."];
        if (limit is < 1 or > 200)
            errors["limit"] = ["Between 1 and 200."];
        if (offset is < 0)
            errors["offset"] = ["Zero or more."];
        if (errors.Count > 0)
            return Problems.Validation(errors, "Fix the query parameters.");
        var rows = await requests.ListAsync(user.Tenant(), status, limit ?? 50, offset ?? 0, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(rows.Select(r => StaffRequestView.From(r, now)).ToArray());
    }

    private static async Task<Results<Ok<StaffRequestView>, ProblemHttpResult>> Get(
        string reference, ClaimsPrincipal user, RequestStore requests, TimeProvider clock, CancellationToken ct) =>
        await requests.FindAsync(user.Tenant(), reference, ct) is { } request
            ? TypedResults.Ok(StaffRequestView.From(request, clock.GetUtcNow()))
            : Problems.NotFound("request in your organisation");

    private static async Task<Results<Ok<JournalView>, ProblemHttpResult>> Journal(
        string reference, ClaimsPrincipal user, RequestStore requests, RequestJournal journal, CancellationToken ct) =>
        await requests.FindAsync(user.Tenant(), reference, ct) is { } request
            ? TypedResults.Ok(await journal.ReadAsync(request, ct))
            : Problems.NotFound("request in your organisation");
}
