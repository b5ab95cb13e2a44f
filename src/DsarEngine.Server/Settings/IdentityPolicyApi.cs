using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Settings;

// GDPR Art. 12(6): which requests the organisation checks, and how (docs/rights.md, "Proportionate identity checks").
internal static class IdentityPolicyApi
{
    public static RouteGroupBuilder MapIdentityPolicyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/settings/identity").WithTags("Staff: settings").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", Get).WithSummary("How the organisation checks who a subject is, per right, channel and purpose");
        group.MapPut("/", Put).RequireAuthorization(AuthServices.Admin).Accepts<IdentityPolicy>("application/json")
            .WithSummary("Replace the identity policy (admins only); applies to requests reaching their identity step from now on");
        return group;
    }

    private static async Task<Results<Ok<IdentityPolicy>, ProblemHttpResult>> Get(ClaimsPrincipal user, IdentityPolicyStore store,
        CancellationToken ct) =>
        await store.FindAsync(user.Tenant(), ct) is { } policy ? TypedResults.Ok(policy) : Problems.NotFound("organisation");

    private static Task<Results<Ok<IdentityPolicy>, ValidationProblem, ProblemHttpResult>> Put(HttpRequest http, ClaimsPrincipal user,
        IdentityPolicyAdmin admin, IdentityPolicyStore store, IOptions<IntakeOptions> options, CancellationToken ct) =>
        SettingsHttp.PutAsync<IdentityPolicy>(http, options, body => admin.SaveAsync(user, body, ct),
            () => store.FindAsync(user.Tenant(), ct), ct);
}
