using System.Security.Claims;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Tenants;

// The customer's side of the processor role: the processors whose workspaces name this organisation as their customer,
// and its acceptance of the requests they forward. Until an admin accepts, those requests stay with the processor.
internal static class ProcessorLinksApi
{
    public static RouteGroupBuilder MapProcessorLinksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/processors").WithTags("Staff: processor role").RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", List)
            .WithSummary("Processors that forward requests about their workspaces to this organisation, accepted or not");
        group.MapPut("/{processor}", Accept).RequireAuthorization(AuthServices.Admin)
            .WithSummary("Accept the requests this processor forwards (admins only)");
        group.MapDelete("/{processor}", Revoke).RequireAuthorization(AuthServices.Admin)
            .WithSummary("Stop accepting them: the processor keeps later requests in its own inbox (admins only)");
        return group;
    }

    private static async Task<Ok<ProcessorLink[]>> List(ClaimsPrincipal user, WorkspaceStore workspaces, CancellationToken ct) =>
        TypedResults.Ok((await workspaces.NamingAsync(user.Tenant(), ct)).ToArray());

    private static async Task<Results<Ok<ProcessorLink>, ProblemHttpResult>> Accept(string processor, ClaimsPrincipal user,
        WorkspaceStore workspaces, TenantStore tenants, TimeProvider clock, CancellationToken ct)
    {
        if (await NamingAsync(processor, user, workspaces, ct) is null || await tenants.FindBySlugAsync(processor, ct) is not { } found)
            return NotNaming(processor);
        await workspaces.AcceptAsync(user.Tenant(), found.Id, user.Actor(), clock.GetUtcNow(), ct);
        return TypedResults.Ok((await NamingAsync(processor, user, workspaces, ct))!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string processor, ClaimsPrincipal user, WorkspaceStore workspaces, TenantStore tenants, CancellationToken ct) =>
        await tenants.FindBySlugAsync(processor, ct) is { } found && await workspaces.RevokeAsync(user.Tenant(), found.Id, ct)
            ? TypedResults.NoContent()
            : Problems.NotFound($"acceptance of processor '{processor}'");

    // Only a processor that names this organisation in a workspace can be accepted: a slug alone proves nothing.
    private static async Task<ProcessorLink?> NamingAsync(
        string processor, ClaimsPrincipal user, WorkspaceStore workspaces, CancellationToken ct) =>
        (await workspaces.NamingAsync(user.Tenant(), ct)).FirstOrDefault(l => l.Processor == processor);

    private static ProblemHttpResult NotNaming(string processor) =>
        Problems.NotFound($"processor '{processor}' with a workspace that names your organisation as its customer");
}
