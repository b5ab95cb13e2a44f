using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Packs;

internal sealed record TransmissionRefusalBody(string? Reason);

// GDPR Art. 20(2) gives the direct transmission "where technically feasible". When it is not (the receiving controller
// cannot take the data this way, its address rejects mail), staff record why, before the answer is delivered: nothing
// is then sent to that controller, and the letter says so with the reason (render it again if it was already rendered).
internal static class TransmissionRefusalApi
{
    public static RouteHandlerBuilder MapTransmissionRefusalApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/staff/requests/{reference}/transmission/not-feasible", Refuse)
            .WithTags("Staff: requests").RequireAuthorization(AuthServices.StaffWrite)
            .Accepts<TransmissionRefusalBody>("application/json")
            .WithSummary("Record that the direct transmission to the receiving controller (Art. 20(2)) is not technically feasible");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Refuse(string reference, HttpRequest http,
        ClaimsPrincipal user, RequestStore requests, TransmissionStore transmissions, IOptions<IntakeOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<TransmissionRefusalBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var reason = body.Value!.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["reason"] = ["Required (at most 2000 characters): why the transmission is not technically feasible; "
                    + "the letter quotes it."],
            }, "Nothing was stored.");
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        if (request.RightKind != "portability" || request.Transmission is null)
            return Problems.Of(StatusCodes.Status409Conflict, "no-transmission", "The subject did not ask for a direct transmission.");
        if (!await transmissions.RecordNotFeasibleAsync(request, reason, user.Actor(), clock.GetUtcNow(), ct))
            return Problems.Of(StatusCodes.Status409Conflict, "transmission-settled",
                "Already recorded as not feasible, or the request is finished: nothing was changed.");
        return TypedResults.NoContent();
    }
}
