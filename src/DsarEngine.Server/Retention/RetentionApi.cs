using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Retention;

// How long the engine keeps its own records of finished requests (docs/operations.md "Retention and purge").
internal static class RetentionApi
{
    public static RouteGroupBuilder MapRetentionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/settings/retention").WithTags("Staff: settings").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", Get)
            .WithSummary("How many days after a request closes the engine keeps its exports, packs, documents, mail and data");
        group.MapPut("/", Put).RequireAuthorization(AuthServices.Admin).Accepts<RetentionSettings>("application/json")
            .WithSummary("Replace the retention periods (admins only); the next purge applies them");
        return group;
    }

    private static async Task<Results<Ok<RetentionSettings>, ProblemHttpResult>> Get(ClaimsPrincipal user, RetentionStore store,
        CancellationToken ct) =>
        await store.FindAsync(user.Tenant(), ct) is { } settings ? TypedResults.Ok(settings) : Problems.NotFound("organisation");

    private static Task<Results<Ok<RetentionSettings>, ValidationProblem, ProblemHttpResult>> Put(HttpRequest http, ClaimsPrincipal user,
        RetentionAdmin admin, RetentionStore store, IOptions<IntakeOptions> options, CancellationToken ct) =>
        SettingsHttp.PutAsync<RetentionSettings>(http, options, body => admin.SaveAsync(user, body, ct),
            () => store.FindAsync(user.Tenant(), ct), ct);
}
