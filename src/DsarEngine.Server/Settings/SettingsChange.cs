using System.Security.Claims;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Settings;

internal enum SettingsChange
{
    Done,
    Invalid,
    Refused,
    NotFound,
}

// What an admin's change of a setting came to. Errors name the field and say how to fix it; a refused or invalid change
// changed nothing. The screens and the staff API read the same result, so they cannot disagree.
internal sealed record SettingsResult(SettingsChange Outcome, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly SettingsResult Done = new(SettingsChange.Done, new Dictionary<string, string[]>());

    public static readonly SettingsResult Refused = new(SettingsChange.Refused,
        new Dictionary<string, string[]> { ["role"] = ["Only an admin can change the organisation's settings."] });

    public static SettingsResult NotFound(string what) =>
        new(SettingsChange.NotFound, new Dictionary<string, string[]> { [""] = [$"No such {what} in your organisation."] });

    public static SettingsResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(SettingsChange.Invalid, errors);

    public static SettingsResult Invalid(string field, string error) =>
        new(SettingsChange.Invalid, new Dictionary<string, string[]> { [field] = [error] });

    // One sentence per field for a screen: "rights: Choose at least one right."
    public string Message => string.Join(" ", Errors.Select(e => e.Key.Length == 0 ? string.Join(" ", e.Value)
        : $"{e.Key}: {string.Join(" ", e.Value)}"));
}

internal static class SettingsRoles
{
    // Asked by every settings service whoever calls it (screen or API): an admin of an organisation.
    public static bool MayChange(ClaimsPrincipal by) =>
        by.Identity?.IsAuthenticated == true && by.FindFirst(StaffClaims.TenantId) is not null && by.IsInRole(StaffRoles.Admin);
}

// The staff API's PUT of a whole setting (the form, the identity policy, the applicable law, retention): the body read
// within the intake limit, the admin service's checks (the same ones the screens run), and the stored result or why not.
internal static class SettingsHttp
{
    public static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> PutAsync<T>(HttpRequest http,
        IOptions<IntakeOptions> options, Func<T?, Task<SettingsResult>> save, Func<Task<T?>> stored, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<T>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var result = await save(body.Value);
        return result.Outcome switch
        {
            SettingsChange.Done => TypedResults.Ok((await stored())!),
            SettingsChange.Invalid => Problems.Validation(result.Errors.ToDictionary(), "Nothing was changed."),
            SettingsChange.NotFound => Problems.NotFound("organisation"),
            _ => Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can change the organisation's settings."),
        };
    }
}
