using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Intake;

internal sealed record RequestFrame(string Jurisdiction, string Regime, string Language, DateTimeOffset ReceivedAt);

// Decides the legal frame of a new request: where (jurisdiction), under which law (regime), in which
// language, and when it was received. The controller's settings fill what the subject left out.
internal static class RequestFraming
{
    public static RequestFrame? Frame(NewRequest request, Tenant tenant, DateTimeOffset now, IntakeErrors errors)
    {
        var jurisdiction = request.Jurisdiction ?? tenant.Jurisdiction;
        var regime = request.Regime ?? "gdpr";
        var language = request.Language ?? tenant.DefaultLanguage;
        if (errors.Any)
            return null;
        return new RequestFrame(jurisdiction, regime, language, request.ReceivedAt is { } at ? IntakeService.Microseconds(at) : now);
    }
}
