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

    private static async Task<Results<Ok<FormSettings>, ValidationProblem, ProblemHttpResult>> Put(HttpRequest http, ClaimsPrincipal user,
        FormSettingsAdmin admin, FormSettingsStore store, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<FormSettings>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var result = await admin.SaveAsync(user, body.Value, ct);
        return result.Outcome switch
        {
            SettingsChange.Done => TypedResults.Ok((await store.FindAsync(user.Tenant(), ct))!),
            SettingsChange.Invalid => Problems.Validation(result.Errors.ToDictionary(), "Nothing was changed."),
            SettingsChange.NotFound => Problems.NotFound("organisation"),
            _ => Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can change the organisation's settings."),
        };
    }
}
