namespace DsarEngine.Server.Connectors.Egress;

// The early check on every outbound request (scheme, user info, literal addresses), so that a URL stored before the
// rules changed, or assembled from a connector's answer, is refused before anything is sent.
internal sealed class EgressHandler(EgressPolicy policy) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.RequestUri is { } url && policy.Refusal(url) is { } refusal
            ? Task.FromException<HttpResponseMessage>(new EgressRefusedException(refusal))
            : base.SendAsync(request, cancellationToken);
}
