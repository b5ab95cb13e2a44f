using System.Security.Claims;
using System.Text.Encodings.Web;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Platform;

// `Authorization: Bearer dsar_<id>_<secret>`. Keys are tenant- and role-scoped; only their hash is stored.
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        if (!ApiKeyFormat.TryParse(header["Bearer ".Length..].Trim(), out var id, out var secret))
            return AuthenticateResult.Fail("Malformed API key.");
        var key = await keys.FindActiveAsync(id, Context.RequestAborted);
        if (key is null || !SecretTokens.Matches(secret, key.KeyHash))
            return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
        [
            new Claim(StaffClaims.TenantId, key.TenantId.ToString()),
            new Claim(StaffClaims.TenantSlug, key.TenantSlug),
            new Claim(ClaimTypes.Role, key.Role),
            new Claim(ClaimTypes.Name, $"api-key:{key.Name}"),
            new Claim(StaffClaims.ApiKeyId, key.Id.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "unauthenticated", "Authentication required.",
            "Send a staff API key as `Authorization: Bearer <key>`.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "forbidden", "Your role does not allow this.",
            "Auditors are read-only; ask an admin or privacy officer.");

    private Task WriteProblem(int status, string slug, string title, string detail)
    {
        if (status == StatusCodes.Status401Unauthorized)
            Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Of(status, slug, title, detail).ExecuteAsync(Context);
    }
}
