using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Deadlines;

// "Why is this the deadline?" — the legal clock, explained step by step, for any inputs (preview) or for a
// stored request. Uses the caller's organisation settings (closure days, extension method).
internal static class DeadlinesApi
{
    public static RouteGroupBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Staff: deadlines").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/deadlines/preview", Preview)
            .WithSummary("Compute and explain a deadline: regime, jurisdiction, receivedAt (RFC 3339), optional timeZone (IANA), " +
                "stops (2025-03-05/2025-03-10,...), extended, right (access, rectification, ...), businessDays " +
                "(weekends-only, state-holidays); or subject (where the subject lives) for the organisation's own law");
        group.MapGet("/staff/requests/{reference}/deadline", ForRequest).WithSummary("The request's deadline, explained step by step");
        return group;
    }

    private static async Task<Results<Ok<DeadlineComputation>, ValidationProblem>> Preview(
        ClaimsPrincipal user, TenantStore tenants, string? regime, string? jurisdiction, string? receivedAt,
        string? timeZone, string? stops, bool? extended, string? right, string? businessDays, CancellationToken ct,
        string? subject = null)
    {
        // With subject (where the subject says they live): the organisation's own law, as at intake.
        if (subject is not null && await tenants.FindAsync(user.Tenant(), ct) is { } organisation)
            return ApplicableLawPreview.Compute(organisation, subject, receivedAt, stops, extended ?? false);
        var parsed = DeadlineQueryParser.Parse(regime, jurisdiction, receivedAt, timeZone, stops, right, businessDays);
        if (!parsed.IsValid)
            return Problems.Validation(parsed.Errors.ToDictionary(), "Fix the query parameters.");
        var tenant = await tenants.FindAsync(user.Tenant(), ct);
        var query = parsed.Query with
        {
            Extended = extended ?? false,
            ExtensionMethod = RequestClock.ParseMethod(tenant?.ExtensionMethod),
            ClosureDays = RequestClock.ParseClosures(tenant?.ClosureDays),
        };
        if (!DeadlineQueryValidator.TryResolve(query, out _, out var errors))
            return Problems.Validation(errors.ToDictionary().ToDictionary(), "Fix the query parameters.");
        return TypedResults.Ok(LegalClock.Compute(query));
    }

    private static async Task<Results<Ok<DeadlineComputation>, ProblemHttpResult>> ForRequest(
        string reference, ClaimsPrincipal user, DeadlineExplainer explainer, CancellationToken ct) =>
        await explainer.ExplainAsync(user.Tenant(), reference, ct) is { } computed
            ? TypedResults.Ok(computed)
            : Problems.NotFound("request in your organisation");
}
