using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Platform;

// Every error a client can cause is application/problem+json with a stable type: urn:dsar:problem:<slug>.
internal static class Problems
{
    public static string Type(string slug) => $"urn:dsar:problem:{slug}";

    public static ProblemHttpResult Of(int status, string slug, string title, string? detail = null,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: Type(slug), extensions: extensions);

    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "Correct the fields listed in errors and submit again; nothing was stored.",
            title: "The submission is invalid.", type: Type("validation"));

    public static ProblemHttpResult NotFound(string what) =>
        Of(StatusCodes.Status404NotFound, "not-found", $"No such {what}.");
}
