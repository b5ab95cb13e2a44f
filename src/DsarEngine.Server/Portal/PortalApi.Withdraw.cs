using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Portal;

internal static partial class PortalApi
{
    private static void MapWithdrawal(RouteGroupBuilder group)
    {
        group.MapGet("/withdraw", WithdrawPage).RequireRateLimiting(Platform.RateLimits.PublicStatus);
        group.MapPost("/withdraw", Withdraw).RequireRateLimiting(Platform.RateLimits.PublicCode);
    }

    private static async Task<IResult> WithdrawPage(string reference, HttpContext http, PortalAccess access, CancellationToken ct)
    {
        var (door, view) = await access.OpenAsync(http, reference, ct);
        if (view is null)
            return Refused(http, door);
        await access.ViewedAsync(view.Request, "withdraw", ct);
        return PortalResults.Page<Pages.PortalWithdrawPage>(new PortalWithdrawModel(
            PortalHomeQuery.Frame(view, PortalPaths.Withdraw(reference)), PortalHomeQuery.IsOpen(view.Request.Status)));
    }

    // The subject withdraws (WithdrawalService: the instance closes, timers cancelled, a confirmation e-mail); a request
    // closed meanwhile is said so, and nothing changes.
    private static async Task<IResult> Withdraw(string reference, HttpContext http, PortalAccess access, WithdrawalService withdrawals,
        CancellationToken ct)
    {
        var (refusal, view) = await OpenFormPostAsync(reference, http, access,
            "POST /api/v1/staff/requests/{reference}/close", ct);
        if (view is null)
            return refusal!;
        return await withdrawals.WithdrawAsync(view.Request.TenantId, view.Request.Id, ct) switch
        {
            WithdrawalOutcome.Withdrawn => PortalResults.SeeOther($"{PortalPaths.Page(reference)}?done=withdrawn"),
            WithdrawalOutcome.AlreadyClosed => PortalResults.SeeOther($"{PortalPaths.Page(reference)}?done=closed"),
            _ => Refused(http, PortalDoor.NoSession),
        };
    }
}
