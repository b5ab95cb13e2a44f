using System.Security.Claims;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Settings;

// The public request form's settings, for scripts: the same service as Settings → Request form.
internal static class FormSettingsApi
{
    public static RouteGroupBuilder MapFormSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/settings/form").WithTags("Staff: settings").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", Get).WithSummary("What the public request form offers: rights, identities, languages, allowed origins");
        group.MapPut("/", Put).RequireAuthorization(AuthServices.Admin).Accepts<FormSettings>("application/json")
            .WithSummary("Replace the form settings (admins only); a new allowed origin passes CORS at once");
        return group;
    }

    private static async Task<Results<Ok<FormSettings>, ProblemHttpResult>> Get(ClaimsPrincipal user, FormSettingsStore store,
        CancellationToken ct) =>
        await store.FindAsync(user.Tenant(), ct) is { } form ? TypedResults.Ok(form) : Problems.NotFound("organisation");

    private static Task<Results<Ok<FormSettings>, ValidationProblem, ProblemHttpResult>> Put(HttpRequest http, ClaimsPrincipal user,
        FormSettingsAdmin admin, FormSettingsStore store, IOptions<IntakeOptions> options, CancellationToken ct) =>
        SettingsHttp.PutAsync<FormSettings>(http, options, body => admin.SaveAsync(user, body, ct),
            () => store.FindAsync(user.Tenant(), ct), ct);
}
