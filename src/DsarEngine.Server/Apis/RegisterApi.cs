using System.Security.Claims;
using DsarEngine.Server.Auth;
using DsarEngine.Server.Infrastructure;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Apis;

// The organisation's processing register: the facts every response letter states (see samples/organisations/).
internal static class RegisterApi
{
    public static RouteGroupBuilder MapRegisterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/register").WithTags("Staff: processing register").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", Get).WithSummary("The processing register response letters are written from");
        group.MapPut("/", Put).RequireAuthorization(AuthServices.Admin).Accepts<ProcessingRegister>("application/json")
            .WithSummary("Replace the processing register (admins only); every missing fact is named");
        return group;
    }

    private static async Task<Results<Ok<ProcessingRegister>, ProblemHttpResult>> Get(ClaimsPrincipal user, RegisterStore registers, CancellationToken ct) =>
        await registers.FindAsync(user.Tenant(), ct) is { } register ? TypedResults.Ok(register) : Problems.NotFound("processing register for your organisation");

    private static async Task<Results<Ok<ProcessingRegister>, ValidationProblem, ProblemHttpResult>> Put(HttpRequest http, ClaimsPrincipal user,
        RegisterStore registers, TimeProvider clock, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<ProcessingRegister>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        if (RegisterChecks.Problems(body.Value) is { Count: > 0 } errors)
            return Problems.Validation(errors, "Nothing was changed.");
        await registers.SaveAsync(user.Tenant(), body.Value!, clock.GetUtcNow(), ct);
        return TypedResults.Ok(body.Value!);
    }
}
