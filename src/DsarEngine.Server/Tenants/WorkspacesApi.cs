using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Tenants;

// Processor role (GDPR Art. 28): the organisation marks itself a processor and lists its customers' workspaces, so a
// subject's request about a workspace reaches the customer (the controller) instead of being answered here.
internal static class WorkspacesApi
{
    public static RouteGroupBuilder MapWorkspacesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff").WithTags("Staff: processor role").RequireAuthorization(AuthServices.Staff);
        group.MapPut("/organisation/role", SetRole).RequireAuthorization(AuthServices.Admin).Accepts<RoleBody>("application/json")
            .WithSummary("Mark the organisation a controller or a processor for its customers' workspaces (admins only)");
        group.MapGet("/workspaces", List).WithSummary("The customers' workspaces and where their requests go");
        group.MapPut("/workspaces/{key}", Put).RequireAuthorization(AuthServices.Admin).Accepts<WorkspaceBody>("application/json")
            .WithSummary("Add or change a workspace: its customer on this engine, or the customer's privacy contact (admins only)");
        group.MapGet("/workspaces/routing-log", Log)
            .WithSummary("Requests passed to customers (forwarded) or referred to them, newest first");
        return group;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetRole(HttpRequest http, ClaimsPrincipal user,
        TenantStore tenants, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<RoleBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        if (body.Value!.Role is not (TenantRoles.Controller or TenantRoles.Processor))
            return Problems.Validation(
                new Dictionary<string, string[]> { ["role"] = ["controller or processor."] }, "Nothing was changed.");
        await tenants.SetRoleAsync(user.Tenant(), body.Value.Role, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WorkspaceView[]>> List(
        ClaimsPrincipal user, WorkspaceStore workspaces, TenantStore tenants, CancellationToken ct)
    {
        var list = await workspaces.ListAsync(user.Tenant(), ct);
        var views = new List<WorkspaceView>();
        foreach (var w in list)
            views.Add(WorkspaceView.From(w, w.CustomerTenantId is { } id ? (await tenants.FindAsync(id, ct))?.Slug : null));
        return TypedResults.Ok(views.ToArray());
    }

    private static async Task<Results<Created<WorkspaceView>, Ok<WorkspaceView>, ValidationProblem, ProblemHttpResult>> Put(
        string key, HttpRequest http, ClaimsPrincipal user, WorkspaceStore workspaces, TenantStore tenants, TimeProvider clock,
        IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<WorkspaceBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        if (await tenants.FindAsync(user.Tenant(), ct) is not { IsProcessor: true })
            return Problems.Of(StatusCodes.Status409Conflict, "not-a-processor", "Only a processor hosts workspaces; nothing was changed.",
                "Mark the organisation a processor first: PUT /api/v1/staff/organisation/role {\"role\":\"processor\"}.");
        var customer = body.Value!.Customer is { } slug ? await tenants.FindBySlugAsync(slug, ct) : null;
        var errors = body.Value.Check(key, customer, user.Tenant());
        if (errors.Count > 0)
            return Problems.Validation(errors, "Nothing was changed.");
        var b = body.Value;
        var workspace = new Workspace(user.Tenant(), key, b.DisplayName!.Trim(), customer?.Id, b.ContactName?.Trim(),
            b.ContactEmail?.Trim(), b.ContactUrl?.Trim(), default, null);
        var created = await workspaces.UpsertAsync(workspace, clock.GetUtcNow(), ct);
        var view = WorkspaceView.From(workspace, customer?.Slug);
        return created ? TypedResults.Created($"/api/v1/staff/workspaces/{key}", view) : TypedResults.Ok(view);
    }

    private static async Task<Ok<RoutingLogEntry[]>> Log(ClaimsPrincipal user, WorkspaceStore workspaces, CancellationToken ct) =>
        TypedResults.Ok((await workspaces.LogAsync(user.Tenant(), 200, ct)).ToArray());
}
