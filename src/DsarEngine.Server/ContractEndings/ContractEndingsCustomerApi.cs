using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.ContractEndings;

// The controller's side of an end of contract: its staff read the certificates of the processors it accepted, its admins
// take the returned data; a controller outside this engine uses the expiring link its processor sent it.
internal static class ContractEndingsCustomerApi
{
    public static IEndpointRouteBuilder MapContractEndingsCustomerApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/processors/{processor}/contract-endings").WithTags("Staff: end of contract")
            .RequireAuthorization(AuthServices.Staff);
        group.MapGet("/", List).WithSummary("The ends of contract of an accepted processor for this organisation, with certificates");
        group.MapGet("/{id:guid}/bundle", Bundle).RequireAuthorization(AuthServices.Admin)
            .WithSummary("The data the processor returned: a ZIP of each system's export and a manifest of digests (admins only)");
        app.MapGet("/api/v1/contract-bundles/{id:guid}", ByLink).WithTags("End of contract").RequireRateLimiting(RateLimits.PublicCode)
            .WithSummary("The returned data, by the expiring link a processor gave its controller");
        return app;
    }

    // 404 unless the organisation accepted this processor (processor_links): nothing to learn about other organisations.
    private static async Task<Results<Ok<ContractEndingsApi.EndingView[]>, ProblemHttpResult>> List(string processor,
        ClaimsPrincipal user, ContractEndingStore store, TenantStore tenants, WorkspaceStore workspaces, CancellationToken ct)
    {
        if (await tenants.FindBySlugAsync(processor, ct) is not { } found || !await workspaces.AcceptedAsync(user.Tenant(), found.Id, ct))
            return Problems.NotFound("processor accepted by your organisation");
        var views = new List<ContractEndingsApi.EndingView>();
        foreach (var e in await store.ForCustomerAsync(user.Tenant(), processor, ct))
            views.Add(await ContractEndingsApi.EndingView.FullAsync(e, store, ct));
        return TypedResults.Ok(views.ToArray());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Bundle(string processor, Guid id, ClaimsPrincipal user,
        ContractEndingStore store, EndingBundles bundles, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(user))
            return Problems.Of(StatusCodes.Status403Forbidden, "forbidden", "Only an admin can take the returned data.");
        var ending = (await store.ForCustomerAsync(user.Tenant(), processor, ct)).FirstOrDefault(e => e.Id == id);
        if (ending is null || await bundles.DownloadAsync(ending, $"controller:{user.Actor()}", ct) is not { } zip)
            return Problems.NotFound("returned data of this processor for your organisation");
        return TypedResults.File(zip, "application/zip", $"end-of-contract-{ending.WorkspaceKey}.zip");
    }

    // One answer for every refusal (no such end of contract, wrong or expired token, nothing returned): nothing to probe.
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ByLink(Guid id, string? token, ContractEndingStore store,
        EndingBundles bundles, TimeProvider clock, CancellationToken ct)
    {
        if (await store.ForBundleAsync(id, ct) is { } found && found.Hash is { } hash && SecretTokens.Matches(token, hash)
            && found.Ending.BundleExpiresAt > clock.GetUtcNow()
            && await bundles.DownloadAsync(found.Ending, "link", ct) is { } zip)
            return TypedResults.File(zip, "application/zip", $"end-of-contract-{found.Ending.WorkspaceKey}.zip");
        return Problems.Of(StatusCodes.Status404NotFound, "link-invalid", "This link is not valid, or has expired.",
            "Ask the processor for a new link.");
    }
}
