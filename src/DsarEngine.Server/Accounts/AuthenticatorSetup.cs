using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace DsarEngine.Server.Accounts;

internal sealed record AuthenticatorPrompt(string Key, string QrDataUri);

// Turning the inbox's second factor on and off for the signed-in person: a TOTP key (RFC 6238) shown once as text and as
// a QR code an authenticator app scans, checked against a first code before it counts, and ten one-time recovery codes.
internal sealed class AuthenticatorSetup(UserManager<StaffUser> users)
{
    private const string Issuer = "DsarEngine";

    // The key to scan: made on first use and kept until the factor is turned off (a reload shows the same one, so a
    // person who scanned it and reloaded is not left with a stale entry in their app).
    public async Task<AuthenticatorPrompt?> PromptAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return null;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (key is null)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorPrompt(Spaced(key!), $"data:image/png;base64,{Convert.ToBase64String(png)}");
    }

    // Null when the code does not match the key; otherwise the recovery codes, to be shown once.
    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, string code)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return null;
        var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
            return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
    }

    public async Task<bool> DisableAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return false;
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        return result.Succeeded;
    }

    public async Task<bool> IsEnabledAsync(ClaimsPrincipal principal) => await users.GetUserAsync(principal) is { TwoFactorEnabled: true };

    // Groups of four, as authenticator apps show keys typed by hand.
    private static string Spaced(string key) => string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
