using System.Security.Claims;
using System.Text.RegularExpressions;
using DsarEngine.Server.Auth;
using DsarEngine.Server.Infrastructure;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Apis;

// The organisation's connector registry. A connector is disabled rather than deleted: running tasks and the
// journal keep referring to it.
internal static partial class ConnectorsApi
{
    public static RouteGroupBuilder MapConnectorsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/connectors").WithTags("Staff: connectors").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", List).WithSummary("The systems the fan-out reaches, with their actions and timeouts");
        group.MapPut("/{name}", Put).RequireAuthorization(AuthServices.Admin).Accepts<ConnectorBody>("application/json")
            .WithSummary("Register or change a connector (admins only); it listens on the queue dsar-connector-<name>");
        return group;
    }

    private static async Task<Ok<StoredConnector[]>> List(ClaimsPrincipal user, ConnectorStore connectors, CancellationToken ct) =>
        TypedResults.Ok((await connectors.ListAsync(user.Tenant(), ct)).ToArray());

    private static async Task<Results<Created<StoredConnector>, Ok<StoredConnector>, ValidationProblem, ProblemHttpResult>> Put(
        string name, HttpRequest http, ClaimsPrincipal user, ConnectorStore connectors, TimeProvider clock, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<ConnectorBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var errors = new Dictionary<string, string[]>();
        if (!NamePattern().IsMatch(name))
            errors["name"] = ["2 to 63 lowercase letters, digits and dashes, starting with a letter or digit."];
        var actions = body.Value!.Actions ?? [];
        if (actions.Length == 0 || actions.Any(a => !ConnectorActions.All.Contains(a)) || actions.Distinct().Count() != actions.Length)
            errors["actions"] = [$"One or more distinct actions of: {string.Join(", ", ConnectorActions.All)}."];
        if (body.Value.TimeoutHours is < 1 or > 8760)
            errors["timeoutHours"] = ["Between 1 and 8760 hours."];
        if (errors.Count > 0)
            return Problems.Validation(errors, "Nothing was changed.");
        var connector = new StoredConnector(name, actions, body.Value.TimeoutHours ?? 168, body.Value.Enabled ?? true);
        var created = await connectors.UpsertAsync(user.Tenant(), connector, clock.GetUtcNow(), ct);
        return created ? TypedResults.Created($"/api/v1/staff/connectors/{name}", connector) : TypedResults.Ok(connector);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex NamePattern();
}

internal sealed record ConnectorBody(string[]? Actions, int? TimeoutHours, bool? Enabled);
