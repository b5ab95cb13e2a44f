namespace DsarEngine.Server.OpenDsr;

// An OpenDSR response: JSON whose exact bytes are signed, with the processor domain beside the signature.
internal sealed class SignedJson(int status, byte[] body, OpenDsrSigner signer, string domain) : IResult
{
    public static SignedJson Of<T>(int status, T value, OpenDsrSigner signer, string domain) =>
        new(status, OpenDsrJson.Bytes(value), signer, domain);

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.Headers[OpenDsrSigner.DomainHeader] = domain;
        http.Response.Headers[OpenDsrSigner.SignatureHeader] = signer.Sign(body);
        await http.Response.Body.WriteAsync(body);
    }
}
