using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DsarEngine.Server.Deadlines;

// GET /api/v1/deadlines/preview?subject=US-CA&receivedAt=…: what the organisation's own law gives for a subject who says
// they live there (the same computation as intake: its regimes and scope rules, its calendar and zone, the earliest date
// winning); regime, jurisdiction and timeZone are then the organisation's and are not read.
internal static class ApplicableLawPreview
{
    public static Results<Ok<DeadlineComputation>, ValidationProblem> Compute(
        Tenant tenant, string subject, string? receivedAt, string? stops, bool extended)
    {
        var law = TenantLaw.Parse(tenant.ApplicableLaw, tenant.Jurisdiction);
        var parsed = DeadlineQueryParser.Parse(
            law.Regimes.Count > 0 ? law.Regimes[0].Regime : null, tenant.Jurisdiction, receivedAt, tenant.TimeZone, stops);
        if (!parsed.IsValid)
            return Problems.Validation(parsed.Errors.ToDictionary(), "Fix the query parameters or the organisation's settings.");
        var errors = new FieldErrors();
        var location = subject.Trim().ToUpperInvariant();
        if (!JurisdictionFormat.IsValid(location))
            errors.Add("subject", $"'{subject}' is not an ISO 3166-1 alpha-2 code (FR) or ISO 3166-2 subdivision (US-CA).");
        var controller = Jurisdictions.TryGet(tenant.Jurisdiction, out var place) ? place : null;
        var decided = controller is null ? null : ApplicableLaw.Decide(law, controller, location, null, errors);
        var query = parsed.Query! with
        {
            Extended = extended,
            ExtensionMethod = RequestClock.ParseMethod(tenant.ExtensionMethod),
            ClosureDays = RequestClock.ParseClosures(tenant.ClosureDays),
        };
        foreach (var regime in decided?.Regimes ?? [])
            if (!DeadlineQueryValidator.TryResolve(query with { Regime = regime.Rules.Id }, out _, out var invalid))
                foreach (var (field, messages) in invalid.ToDictionary())
                    errors.Add(field, string.Join(" ", messages));
        if (!errors.IsEmpty || decided is null)
            return Problems.Validation(errors.ToDictionary().ToDictionary(), "Fix the query parameters.");
        return TypedResults.Ok(decided.Compute(query));
    }
}
