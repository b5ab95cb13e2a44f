using DsarEngine.Server.Platform;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Requests;

// The public door: data subjects (directly, or through the embedded form) submit and follow requests.
internal static class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/requests").WithTags("Public requests").RequireCors(CorsSetup.PublicPolicy);
        group.MapPost("/", Submit).RequireRateLimiting(RateLimits.PublicIntake)
            .Accepts<IntakeForm>("application/json")
            .WithSummary("Submit a data-subject request")
            .WithDescription("Stores the request before answering 202. Send an Idempotency-Key header to retry safely.");
        group.MapGet("/{reference}", Status).RequireRateLimiting(RateLimits.PublicStatus)
            .WithSummary("Status and deadline of a request (needs the token from the status link)");
        return group;
    }

    private static async Task<Results<Accepted<SubmittedRequest>, Ok<ReferralView>, ValidationProblem, ProblemHttpResult>> Submit(
        HttpRequest http, IntakeService intake, StatusLinks links, IOptions<IntakeOptions> options, TenantIntakeBudget tenantBudget,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<IntakeForm>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        if (tenantBudget.Refusal(body.Value!.Tenant) is { } wait)
            return RateLimits.Refuse(http.HttpContext, wait,
                "The organisation receives too many requests right now; nothing was stored. Try again shortly.");
        var origin = http.Headers.Origin.ToString() is { Length: > 0 } o ? o : null;
        var result = await intake.SubmitAsync(
            new IntakeCommand(body.Value!, IntakeOrigin.Public, body.Raw, idempotencyKey, origin, "subject", null)
            {
                GlobalPrivacyControl = GlobalPrivacyControl.Sent(http),
            }, ct);
        return IntakeResults.ToHttp(result, http.HttpContext, links);
    }

    private static async Task<Results<Ok<RequestStatusView>, ProblemHttpResult>> Status(
        string reference, [FromQuery] string? token, [FromHeader(Name = "X-Status-Token")] string? headerToken,
        RequestStore requests, ConnectorStore connectors, InstanceStore instances, CancellationToken ct)
    {
        // Unknown reference and wrong token answer alike, so the endpoint cannot be used to probe references.
        var request = PublicReference.IsWellFormed(reference) ? await requests.FindByReferenceAsync(reference, ct) : null;
        if (request is null || !SecretTokens.Matches(headerToken ?? token, request.StatusTokenHash))
            return Problems.NotFound("request, or the token does not match");
        var view = RequestStatusView.From(request);
        // Once answered, closed or withdrawn: what each system did (after a withdrawal, what was already done stays done).
        if (request.Status is not (RequestStatus.Completed or RequestStatus.Closed or RequestStatus.Withdrawn))
            return TypedResults.Ok(view);
        var instance = await instances.FindAsync(request.TenantId, request.Id, ct);
        var names = (await connectors.ListAsync(request.TenantId, ct)).ToDictionary(c => c.Name, c => c.DisplayName);
        return TypedResults.Ok(view with { Results = SystemResult.From(instance?.State.Tasks ?? [], names) });
    }
}
