namespace DsarEngine.Server.Connectors.Egress;

// The engine would not connect: the URL or the address it resolved to is one the egress rules refuse. Thrown inside the
// HTTP client, so callers see an HttpRequestException; Caused() tells it apart from a service that is merely down.
internal sealed class EgressRefusedException(string message) : HttpRequestException(HttpRequestError.ConnectionError, message)
{
    public const string Code = "egress-refused";

    public static bool Caused(HttpRequestException ex) => ex is EgressRefusedException || ex.InnerException is EgressRefusedException;
}
