using System.Security.Claims;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Deadlines;

// Staff decisions about a request's clock. Each is journaled with who and why; a refused one changes nothing.
internal static class ClockApi
{
    public static RouteGroupBuilder MapClockApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/requests/{reference}").WithTags("Staff: deadlines")
            .RequireAuthorization(AuthServices.StaffWrite);
        group.MapPost("/extension", Extend).Accepts<ClockCommandBody>("application/json")
            .WithSummary("Extend the deadline (once, before the initial deadline, with the reasons told to the subject)");
        group.MapPost("/clock/stop", Stop).Accepts<ClockCommandBody>("application/json")
            .WithSummary("Stop the clock while waiting for identity proof, clarification or a fee");
        group.MapPost("/clock/resume", Resume).Accepts<ClockCommandBody>("application/json")
            .WithSummary("Restart the clock: what was awaited has arrived");
        return group;
    }

    private static Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> Extend(string reference,
        HttpRequest http, ClaimsPrincipal user, ClockCommands commands, IOptions<IntakeOptions> options, CancellationToken ct) =>
        Run(http, options, body => commands.ExtendAsync(user, reference, body, ct), ct);

    private static Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> Stop(string reference,
        HttpRequest http, ClaimsPrincipal user, ClockCommands commands, IOptions<IntakeOptions> options, CancellationToken ct) =>
        Run(http, options, body => commands.StopAsync(user, reference, body, ct), ct);

    private static Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> Resume(string reference,
        HttpRequest http, ClaimsPrincipal user, ClockCommands commands, IOptions<IntakeOptions> options, CancellationToken ct) =>
        Run(http, options, body => commands.ResumeAsync(user, reference, body, ct), ct);

    private static async Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>> Run(
        HttpRequest http, IOptions<IntakeOptions> options,
        Func<ClockCommandBody, Task<Results<Ok<StaffRequestView>, ValidationProblem, ProblemHttpResult>>> command, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<ClockCommandBody>(http, options.Value.MaxBodyBytes, ct);
        return body.Problem is not null ? body.Problem : await command(body.Value!);
    }
}

internal sealed record ClockCommandBody(string? Reason, string? Note);
