using DsarEngine.Server.Platform;

namespace DsarEngine.Server.OpenDsr;

// problem+json answers of the processor endpoints. A 400 also carries the specification's error object (§ 7.6) so
// that OpenDSR clients and problem+json clients both read it; neither names the subject (§ 7.6: no identity data).
internal static class OpenDsrProblems
{
    public static IResult Invalid(IEnumerable<(string Field, string Message)> errors)
    {
        var list = errors.ToList();
        return Results.Problem(statusCode: 400, type: Problems.Type("validation"),
            title: "The OpenDSR request is not valid; nothing was stored.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                ["error"] = OpenDsrJson.Error(400, list.FirstOrDefault().Message ?? "Invalid request.", list),
            });
    }

    public static IResult Unauthorized() => Results.Problem(statusCode: 401, type: Problems.Type("unauthenticated"),
        title: "A configured controller's bearer token or X-OpenDSR-Signature is required " +
            "(for GET and DELETE, with X-OpenDSR-Timestamp within 5 minutes).");

    public static IResult NotFound() => Results.Problem(statusCode: 404, type: Problems.Type("not-found"),
        title: "No such request for this controller.");

    public static IResult Disabled() => Results.Problem(statusCode: 404, type: Problems.Type("opendsr-not-configured"),
        title: "OpenDSR is not configured on this engine (Dsar:OpenDsr).");
}
