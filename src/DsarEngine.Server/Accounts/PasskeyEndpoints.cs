using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts;

// The two calls the browser's script (wwwroot/inbox/passkeys.js) makes before navigator.credentials: the options to
// create a passkey (signed in) and the options to sign in with one (anyone). Each sets Identity's short-lived state cookie
// with the challenge; the credential then comes back in an ordinary form post, checked with its antiforgery token.
// No antiforgery token here: both only hand out a fresh challenge (the inbox cookie is SameSite=Strict besides).
internal static class PasskeyEndpoints
{
    public static IEndpointRouteBuilder MapPasskeys(this IEndpointRouteBuilder app)
    {
        app.MapPost("/inbox/account/passkeys/creation-options", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                HttpContext http, StaffPasskeys passkeys, IOptions<IntakeOptions> intake) =>
            !PasskeyServer.Available(intake.Value) ? Unavailable()
            : await passkeys.CreationOptionsAsync(http.User) is { } json ? Json(json)
            : Problems.NotFound("person"))
            .RequireAuthorization(AuthServices.InboxAccount).ExcludeFromDescription();
        app.MapPost("/inbox/sign-in/passkey-options", async Task<Results<ContentHttpResult, ProblemHttpResult>> (
                SignInManager<StaffUser> signIn, IOptions<IntakeOptions> intake) =>
            !PasskeyServer.Available(intake.Value) ? Unavailable() : Json(await signIn.MakePasskeyRequestOptionsAsync(null)))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static ContentHttpResult Json(string json) => TypedResults.Content(json, "application/json");

    private static ProblemHttpResult Unavailable() => Problems.Of(StatusCodes.Status409Conflict, "passkeys-unavailable",
        "Passkeys are not available here.", "Dsar:Intake:PublicBaseUrl names an IP address; passkeys need a domain name.");
}
