using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Requests;

// The subject's private link to a request's status. The token is derived, never stored (see SecretTokens).
internal sealed class StatusLinks(SecretTokens tokens, IOptions<IntakeOptions> options)
{
    public const string Purpose = "status";

    public string Token(Guid requestId) => tokens.Derive(Purpose, requestId);

    public string Url(Guid requestId, string reference) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/requests/{reference}?token={Token(requestId)}";
}
