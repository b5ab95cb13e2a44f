using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Triage;

internal sealed record TriageTargetBody(int? BusinessDays);

internal sealed record UrgentBody(string? Reason);

// Legal review rows 49-50: the organisation's own answer target ("we respond to privacy inquiries within 5 business days"),
// counted from receipt apart from the legal due date, and the urgent mark ("URGENT: Privacy"). Neither changes a legal date.
internal static class TriageApi
{
    public static IEndpointRouteBuilder MapTriage(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/v1/staff/settings/triage").WithTags("Staff: settings").RequireAuthorization(AuthServices.Staff);
        settings.MapGet("/", GetTarget).WithSummary("The organisation's own answer target, in working days from receipt (null: none)");
        settings.MapPut("/", PutTarget).RequireAuthorization(AuthServices.Admin).Accepts<TriageTargetBody>("application/json")
            .WithSummary("Set the answer target (1 to 60 working days) or clear it (null); admins only");
        var requests = app.MapGroup("/api/v1/staff").WithTags("Staff: triage").RequireAuthorization(AuthServices.Staff);
        requests.MapGet("/triage", Queue).WithSummary("Open requests marked urgent or past the organisation's target, urgent first");
        requests.MapGet("/requests/{reference}/triage", Get).WithSummary("Whether the request is urgent, and its target and legal dates");
        requests.MapPut("/requests/{reference}/urgent", Mark).RequireAuthorization(AuthServices.StaffWrite)
            .Accepts<UrgentBody>("application/json").WithSummary("Mark the request urgent, saying why (journaled)");
        requests.MapDelete("/requests/{reference}/urgent", Clear).RequireAuthorization(AuthServices.StaffWrite)
            .WithSummary("Take the urgent mark off (journaled)");
        return app;
    }

    private static async Task<Ok<TriageTargetBody>> GetTarget(ClaimsPrincipal user, TriageStore store, CancellationToken ct) =>
        TypedResults.Ok(new TriageTargetBody(await store.TargetAsync(user.Tenant(), ct)));

    private static async Task<Results<Ok<TriageTargetBody>, ValidationProblem, ProblemHttpResult>> PutTarget(HttpRequest http,
        ClaimsPrincipal user, TriageStore store, IOptions<IntakeOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<TriageTargetBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        if (!SettingsRoles.MayChange(user))
            return Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can change the organisation's settings.");
        if (body.Value?.BusinessDays is < 1 or > 60)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["businessDays"] = ["Between 1 and 60 working days, or null for no target."],
            }, "Nothing was changed.");
        await store.SetTargetAsync(user.Tenant(), body.Value?.BusinessDays, user.Actor(), clock.GetUtcNow(), ct);
        return TypedResults.Ok(new TriageTargetBody(await store.TargetAsync(user.Tenant(), ct)));
    }

    private static async Task<Results<Ok<TriageView>, ProblemHttpResult>> Get(string reference, ClaimsPrincipal user,
        RequestStore requests, TriageStore store, TenantStore tenants, TimeProvider clock, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        return TypedResults.Ok(await ViewAsync(request, store, tenants, clock, ct));
    }

    private static async Task<Results<Ok<TriageView>, ValidationProblem, ProblemHttpResult>> Mark(string reference,
        HttpRequest http, ClaimsPrincipal user, RequestStore requests, TriageStore store, TenantStore tenants,
        IOptions<IntakeOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<UrgentBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var reason = body.Value?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["reason"] = ["Required (at most 500 characters): why it is urgent, e.g. 'e-mail marked URGENT: Privacy'."],
            }, "Nothing was changed.");
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        await store.SetUrgentAsync(request.TenantId, request.Id, reason, user.Actor(), clock.GetUtcNow(), ct);
        return TypedResults.Ok(await ViewAsync(request, store, tenants, clock, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Clear(string reference, ClaimsPrincipal user,
        RequestStore requests, TriageStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        return await store.SetUrgentAsync(request.TenantId, request.Id, null, user.Actor(), clock.GetUtcNow(), ct)
            ? TypedResults.NoContent()
            : Problems.NotFound("urgent mark on this request");
    }

    // Urgent requests first (the longest-marked first), then those past the target (the most overdue first).
    private static async Task<Ok<TriageView[]>> Queue(ClaimsPrincipal user, TriageStore store, TenantStore tenants,
        TimeProvider clock, CancellationToken ct)
    {
        var (open, urgent) = await store.OpenAsync(user.Tenant(), ct);
        var target = await store.TargetAsync(user.Tenant(), ct);
        var closures = (await tenants.FindAsync(user.Tenant(), ct))?.ClosureDays ?? "[]";
        var now = clock.GetUtcNow();
        var views = open.Select(r => TriageView.From(r, urgent.GetValueOrDefault(r.Id), target, closures, now))
            .Where(v => v.Urgent || v.Target is { Overdue: true })
            .OrderByDescending(v => v.Urgent).ThenBy(v => v.Urgency?.MarkedAt).ThenBy(v => v.Target?.DueOn);
        return TypedResults.Ok(views.ToArray());
    }

    private static async Task<TriageView> ViewAsync(StoredRequest request, TriageStore store, TenantStore tenants,
        TimeProvider clock, CancellationToken ct) =>
        TriageView.From(request, await store.UrgencyAsync(request.TenantId, request.Id, ct),
            await store.TargetAsync(request.TenantId, ct), (await tenants.FindAsync(request.TenantId, ct))?.ClosureDays ?? "[]",
            clock.GetUtcNow());
}
