using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors;

// The organisation's connector registry. A connector is disabled (enabled: false) rather than deleted: running
// tasks and the journal keep referring to it.
internal static class ConnectorsApi
{
    public static RouteGroupBuilder MapConnectorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/connectors").WithTags("Staff: connectors").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", List).WithSummary("The systems the fan-out reaches: what each holds, may keep, can do, and how it is reached");
        group.MapGet("/{name}", Get).WithSummary("One connector");
        group.MapPut("/{name}", Put).RequireAuthorization(AuthServices.Admin).Accepts<ConnectorBody>("application/json")
            .WithSummary("Register or change a connector (admins only). " +
                "A bus connector names its broker user and listens on dsar.<tenant>.connector.<name>");
        return group;
    }

    private static async Task<Ok<ConnectorView[]>> List(ClaimsPrincipal user, ConnectorStore connectors, CancellationToken ct) =>
        TypedResults.Ok((await connectors.ListAsync(user.Tenant(), ct)).Select(c => ConnectorView.From(c, user.Slug())).ToArray());

    private static async Task<Results<Ok<ConnectorView>, ProblemHttpResult>> Get(
        string name, ClaimsPrincipal user, ConnectorStore connectors, CancellationToken ct) =>
        await connectors.FindAsync(user.Tenant(), name, ct) is { } found
            ? TypedResults.Ok(ConnectorView.From(found, user.Slug()))
            : Problems.NotFound("connector in your organisation");

    private static async Task<Results<Created<ConnectorView>, Ok<ConnectorView>, ValidationProblem, ProblemHttpResult>> Put(
        string name, HttpRequest http, ClaimsPrincipal user, ConnectorAdmin admin, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<ConnectorBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var saved = await admin.SaveAsync(user, name, body.Value!, ct);
        if (saved.Refusal is { } refused)
            return refused;
        if (saved.Result.Outcome == SettingsChange.Invalid)
            return Problems.Validation(saved.Result.Errors.ToDictionary(), "Nothing was changed.");
        if (saved.Connector is not { } stored)
            return Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can change the organisation's settings.");
        var view = ConnectorView.From(stored, user.Slug());
        return saved.Created ? TypedResults.Created($"/api/v1/staff/connectors/{name}", view) : TypedResults.Ok(view);
    }
}
