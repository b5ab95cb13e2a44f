using System.Security.Claims;
using DsarEngine.Server.Auth;
using DsarEngine.Server.Infrastructure;
using DsarEngine.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Apis;

// Staff preview of a request's response letter (the latest rendered), before or after it is sent.
internal static class PacksApi
{
    public static RouteHandlerBuilder MapPacksApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/staff/requests/{reference}/pack/letter.pdf", Letter).WithTags("Staff: response packs")
            .RequireAuthorization(AuthServices.StaffWrite).WithSummary("The response letter as rendered (PDF)");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Letter(string reference, ClaimsPrincipal user, RequestStore requests,
        PackStore packs, CancellationToken ct)
    {
        if (await requests.FindAsync(user.Tenant(), reference, ct) is not { } request)
            return Problems.NotFound("request in your organisation");
        return await packs.LatestAsync(request.TenantId, request.Id, "letter", ct) is { } pdf
            ? TypedResults.File(pdf, "application/pdf", $"{reference}.pdf")
            : Problems.NotFound("rendered letter for this request (the workflow has not reached its render-pack step)");
    }
}
