using Microsoft.AspNetCore.Http.Features;

namespace DsarEngine.Server.Platform;

// Problems produced by the framework itself (routing's 404/405/415, unhandled exceptions) get the same
// stable urn:dsar:problem:<slug> types as the engine's own, so clients need one way to read errors.
internal static class ProblemTypes
{
    private static readonly Dictionary<int, (string Slug, string Detail)> Generic = new()
    {
        [StatusCodes.Status400BadRequest] = ("bad-request", "The request could not be understood."),
        [StatusCodes.Status404NotFound] = ("not-found", "No such resource."),
        [StatusCodes.Status405MethodNotAllowed] = ("method-not-allowed", "This resource does not support that method."),
        [StatusCodes.Status413PayloadTooLarge] = ("body-too-large", "The body is too large."),
        [StatusCodes.Status415UnsupportedMediaType] = ("unsupported-media-type", "Send Content-Type: application/json."),
        [StatusCodes.Status500InternalServerError] =
            ("internal-error", "Something failed on our side; nothing you sent was lost if you received a reference."),
    };

    public static IServiceCollection AddDsarProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (problem.Type?.StartsWith("urn:dsar:", StringComparison.Ordinal) == true)
                return;
            if (Generic.TryGetValue(problem.Status ?? 0, out var generic))
            {
                problem.Type = Problems.Type(generic.Slug);
                problem.Detail ??= generic.Detail;
            }
            problem.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id
                ?? context.HttpContext.TraceIdentifier;
        });
}
