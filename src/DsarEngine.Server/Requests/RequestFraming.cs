using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Requests;

internal sealed record RequestFrame(string Language, RequestClock Clock, DeadlineComputation Deadline);

// Decides the legal frame of a new request: where (jurisdiction), under which law (regime), in which
// language, and when it was received; then runs the legal clock. The controller's settings fill what the
// subject left out, and receipt is counted in the controller's time zone (GDPR Art. 12(3) runs from receipt
// by the controller).
internal static class RequestFraming
{
    public static RequestFrame? Frame(NewRequest request, Tenant tenant, DateTimeOffset receivedAt, IntakeErrors errors)
    {
        var jurisdictionCode = request.Jurisdiction ?? tenant.Jurisdiction;
        if (!Jurisdictions.TryGet(jurisdictionCode, out var jurisdiction))
        {
            errors.Add("jurisdiction", Jurisdictions.Explain(jurisdictionCode));
            return null;
        }
        var regimeId = request.Regime ?? jurisdiction.DefaultRegime;
        if (regimeId is null || !Regimes.TryGet(regimeId, out var regime))
        {
            errors.Add("regime", regimeId is null
                ? $"No default regime for {jurisdiction.Code}: name one of {Regimes.KnownIds}."
                : $"Unknown regime '{regimeId}': expected one of {Regimes.KnownIds}.");
            return null;
        }
        if (errors.Any)
            return null;

        var clock = new RequestClock(regime.Id, jurisdiction.Code, tenant.TimeZone, receivedAt, Extended: false,
            RequestClock.ParseMethod(tenant.ExtensionMethod), []);
        return new RequestFrame(
            request.Language ?? tenant.DefaultLanguage, clock, clock.Compute(RequestClock.ParseClosures(tenant.ClosureDays)));
    }
}
