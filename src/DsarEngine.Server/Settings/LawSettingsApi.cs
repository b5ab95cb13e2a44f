using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Deadlines;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Settings;

// The organisation's applicable law, for scripts: GET /api/v1/staff/settings/law, PUT (admins) with
// {"regimes":[{"regime":"gdpr","scope":"establishment"},{"regime":"ccpa","scope":"residence","locations":["US-CA"]}]}.
internal static class LawSettingsApi
{
    public static RouteGroupBuilder MapLawSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/settings/law").WithTags("Staff: settings").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", Get).WithSummary("The regimes the organisation is subject to and the scope rules that pick them for a subject");
        group.MapPut("/", Put).RequireAuthorization(AuthServices.Admin).Accepts<TenantLawBody>("application/json")
            .WithSummary("Replace the applicable law (admins only): every regime once, at least one as establishment; " +
                "new requests only");
        return group;
    }

    private static async Task<Results<Ok<TenantLawBody>, ProblemHttpResult>> Get(ClaimsPrincipal user, LawSettingsAdmin admin,
        CancellationToken ct) =>
        await admin.FindAsync(user.Tenant(), ct) is { } law ? TypedResults.Ok(law) : Problems.NotFound("organisation");

    private static Task<Results<Ok<TenantLawBody>, ValidationProblem, ProblemHttpResult>> Put(HttpRequest http, ClaimsPrincipal user,
        LawSettingsAdmin admin, IOptions<IntakeOptions> options, CancellationToken ct) =>
        SettingsHttp.PutAsync<TenantLawBody>(http, options, body => admin.SaveAsync(user, body, ct),
            () => admin.FindAsync(user.Tenant(), ct), ct);
}
