using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Requests;

// The subject's private link to a request: the portal (issue 14), which exchanges the token for a session and drops it from
// the address. The same token opens the JSON status, GET /api/v1/requests/{reference}?token=. It is derived, never stored
// (see SecretTokens).
internal sealed class StatusLinks(SecretTokens tokens, IOptions<IntakeOptions> options)
{
    public const string Purpose = "status";

    public string Token(Guid requestId) => tokens.Derive(Purpose, requestId);

    public string Url(Guid requestId, string reference) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/portal/{reference}?token={Token(requestId)}";
}
