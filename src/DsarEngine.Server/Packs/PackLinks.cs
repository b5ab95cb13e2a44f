using System.Globalization;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Packs;

// The expiring link to a response pack: the expiry and an HMAC token over (request, expiry) derived with the server
// key, so it is never stored and cannot be extended by editing the URL.
internal sealed class PackLinks(SecretTokens tokens, IOptions<IntakeOptions> intake)
{
    public string Url(Guid requestId, string reference, DateTimeOffset expires)
    {
        var unix = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{intake.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/requests/{reference}/pack?expires={unix}&token={Token(requestId, unix)}";
    }

    // Compared as Unix seconds: a crafted expiry outside DateTimeOffset's range is merely not valid, not an error.
    public bool Valid(Guid requestId, long expires, string? token, DateTimeOffset now) =>
        expires > now.ToUnixTimeSeconds()
        && SecretTokens.Matches(token, SecretTokens.Hash(Token(requestId, expires.ToString(CultureInfo.InvariantCulture))));

    private string Token(Guid requestId, string unix) => tokens.Derive($"pack:{unix}", requestId);

    // GDPR Art. 20(2): the receiving controller's link, with a token of its own purpose, so that it never opens the
    // subject's door (whose code goes to the subject) nor the subject's link this one.
    public string TransmissionUrl(Guid requestId, string reference, DateTimeOffset expires)
    {
        var unix = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{intake.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/requests/{reference}/transmission" +
            $"?expires={unix}&token={TransmissionToken(requestId, unix)}";
    }

    public bool ValidTransmission(Guid requestId, long expires, string? token, DateTimeOffset now) =>
        expires > now.ToUnixTimeSeconds()
        && SecretTokens.Matches(token, SecretTokens.Hash(TransmissionToken(requestId, expires.ToString(CultureInfo.InvariantCulture))));

    private string TransmissionToken(Guid requestId, string unix) => tokens.Derive($"transmission:{unix}", requestId);
}
