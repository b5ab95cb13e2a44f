using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Packs;

// The organisation's processing register: the facts every response letter states (see samples/organisations/), and its
// translations: a letter in French is written from the French register where there is one, else from the default.
internal static class RegisterApi
{
    public static RouteGroupBuilder MapRegisterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/register").WithTags("Staff: processing register").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", Get).WithSummary("The processing register response letters are written from");
        group.MapPut("/", Put).RequireAuthorization(AuthServices.Admin).Accepts<ProcessingRegister>("application/json")
            .WithSummary("Replace the processing register (admins only); every missing fact is named");
        group.MapGet("/{language}", Get).WithSummary("The register's translation into a letter language (en, fr)");
        group.MapPut("/{language}", Put).RequireAuthorization(AuthServices.Admin).Accepts<ProcessingRegister>("application/json")
            .WithSummary("Replace the register's translation into a letter language (admins only)");
        return group;
    }

    private static async Task<Results<Ok<ProcessingRegister>, ProblemHttpResult>> Get(
        ClaimsPrincipal user, RegisterStore registers, CancellationToken ct, string? language = null)
    {
        if (Unsupported(language) is { } problem)
            return problem;
        return await registers.FindExactAsync(user.Tenant(), language ?? "", ct) is { } register ? TypedResults.Ok(register)
            : Problems.NotFound(language is null
                ? "processing register for your organisation"
                : $"'{language}' translation of your organisation's register");
    }

    private static ProblemHttpResult? Unsupported(string? language) =>
        language is null || Languages.Written.Contains(language) ? null
            : Problems.Of(StatusCodes.Status400BadRequest, "unsupported-language",
                $"Letters are written in {string.Join(", ", Languages.Written)}; '{language}' is not one of them.");

    private static async Task<Results<Ok<ProcessingRegister>, ValidationProblem, ProblemHttpResult>> Put(HttpRequest http,
        ClaimsPrincipal user, RegisterAdmin admin, IOptions<IntakeOptions> options, CancellationToken ct, string? language = null)
    {
        if (Unsupported(language) is { } unsupported)
            return unsupported;
        var body = await JsonBodyReader.ReadAsync<ProcessingRegister>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var result = await admin.SaveAsync(user, language ?? "", body.Value, ct);
        return result.Outcome switch
        {
            SettingsChange.Done => TypedResults.Ok(body.Value!),
            SettingsChange.Invalid => Problems.Validation(result.Errors.ToDictionary(), "Nothing was changed."),
            _ => Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can change the organisation's settings."),
        };
    }
}
