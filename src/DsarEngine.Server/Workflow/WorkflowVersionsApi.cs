using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Workflow;

// One definition version: whether this node has it loaded, whether it takes new requests (the newest of its id), and how
// many of the organisation's instances are pinned to it and not closed yet.
internal sealed record WorkflowVersionView(string Definition, string Id, int Version, bool Loaded, bool Current, long Open);

// GET /api/v1/staff/workflow-versions: which definition versions are still in use, so that an upgrade keeps an old file
// until nothing runs on it (docs/operations.md, "Upgrading"). A version with open instances that is not loaded is a file
// removed too early: those instances wait in needs-attention (definition-missing) until it is back.
internal static class WorkflowVersionsApi
{
    public static RouteHandlerBuilder MapWorkflowVersionsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/staff/workflow-versions", List).WithTags("Staff: workflow").RequireAuthorization(AuthServices.Staff)
            .WithSummary("The workflow definition versions loaded and those the organisation's open instances are pinned to");

    private static async Task<Ok<WorkflowVersionView[]>> List(ClaimsPrincipal user, InstanceStore instances,
        DefinitionCatalog catalog, CancellationToken ct)
    {
        var open = await instances.OpenByVersionAsync(user.Tenant(), ct);
        var current = DefinitionCatalog.Current(catalog.All).Select(d => (d.Id, d.Version)).ToHashSet();
        var versions = catalog.All.Select(d => (d.Id, d.Version)).Union(open.Keys)
            .OrderBy(v => v.Id, StringComparer.Ordinal).ThenBy(v => v.Version);
        return TypedResults.Ok(versions.Select(v => new WorkflowVersionView($"{v.Id}@{v.Version}", v.Id, v.Version,
            catalog.Find(v.Id, v.Version) is not null, current.Contains(v), open.GetValueOrDefault(v))).ToArray());
    }
}
