using DsarEngine.Server.Requests;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Deadlines;

// "Why is this the deadline?" for a stored request, with its organisation's closure days: the staff API and the
// inbox's request page show the same explanation.
internal sealed class DeadlineExplainer(RequestStore requests, TenantStore tenants)
{
    // Null when the request is not the organisation's, or has no clock yet (no time zone stored).
    public async Task<DeadlineComputation?> ExplainAsync(Guid tenantId, string reference, CancellationToken ct) =>
        await requests.FindAsync(tenantId, reference, ct) is { } request ? await ExplainAsync(request, ct) : null;

    public async Task<DeadlineComputation?> ExplainAsync(StoredRequest request, CancellationToken ct)
    {
        if (request.TimeZone is null)
            return null;
        var tenant = await tenants.FindAsync(request.TenantId, ct);
        var computed = request.Clock.Compute(RequestClock.ParseClosures(tenant?.ClosureDays));
        // Which regimes applied at intake and why this one won (RequestFraming), then the clock's own steps.
        return computed with { Steps = [.. RequestFraming.ParseLawSteps(request.LawSteps), .. computed.Steps] };
    }
}
