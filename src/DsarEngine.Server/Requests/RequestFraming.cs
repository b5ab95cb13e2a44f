using System.Text.Json;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Requests;

internal sealed record RequestFrame(string Language, RequestClock Clock, DeadlineComputation Deadline)
{
    // Where the subject said they live, as they wrote it (normalised); null when they said nothing.
    public string? SubjectLocation { get; init; }

    // Why the clock's regime was chosen: the law steps at the head of Deadline.Steps, kept with the request (JSON).
    public string LawSteps { get; init; } = "[]";
}

// Decides the legal frame of a new request: under which law (regime), in which language, and when it was received;
// then runs the legal clock. The law comes from the organisation (issue 15, E1): the regimes it declares and their scope
// rules (TenantLaw) decide, the subject's stated location is only an input to those rules, and a regime in the request is
// heard only from staff (a public "regime" is ignored by IntakeValidator). When several regimes apply, each deadline is
// computed and the earliest wins. Days are counted in the organisation's calendar and time zone (its place of
// performance), and receipt in its zone (GDPR Art. 12(3) runs from receipt by the controller).
internal static class RequestFraming
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RequestFrame? Frame(NewRequest request, Tenant tenant, DateTimeOffset receivedAt, IntakeErrors errors)
    {
        if (!Jurisdictions.TryGet(tenant.Jurisdiction, out var controller))
        {
            errors.Add("tenant", $"The organisation's jurisdiction '{tenant.Jurisdiction}' is not supported: an admin must fix it " +
                "in Settings → Regimes and closure days.");
            return null;
        }

        var fieldErrors = new FieldErrors();
        var declared = TenantLaw.Parse(tenant.ApplicableLaw, controller.Code);
        var law = ApplicableLaw.Decide(declared, controller, request.Jurisdiction, request.Regime, fieldErrors);
        foreach (var (field, messages) in fieldErrors.ToDictionary())
            foreach (var message in messages)
                errors.Add(field, message);
        if (law is null)
            return null;
        if (law.Regimes.Count == 0)
        {
            errors.Add("regime", $"The organisation declares no regime that applies to every request ({controller.Code} has no default " +
                "regime): an admin must declare one in Settings → Applicable law.");
            return null;
        }
        if (errors.Any)
            return null;
        // The CCPA's opt-outs exist under no other law: only the CCPA frames them, and without it they are refused.
        if (request.Right.IsCaliforniaOptOut())
        {
            law = CaliforniaOnly.Restrict(law, declared, request.Right, errors);
            if (law is null)
                return null;
        }

        var closures = RequestClock.ParseClosures(tenant.ClosureDays);
        var method = RequestClock.ParseMethod(tenant.ExtensionMethod);
        // Each regime's date for this right (152-FZ gives 7 working days to rectify), so the comparison is like for like.
        var deadline = law.Compute(new DeadlineQuery("", controller.Code, receivedAt)
        {
            Right = request.Right,
            TimeZone = tenant.TimeZone,
            ExtensionMethod = method,
            ClosureDays = closures,
        });
        var clock = new RequestClock(deadline.Regime, controller.Code, tenant.TimeZone, receivedAt, Extended: false, method, [])
        {
            Right = request.Right,
        };
        var lawSteps = deadline.Steps.Where(s => s.Kind == ApplicableLaw.StepKind).ToList();
        return new RequestFrame(request.Language ?? tenant.DefaultLanguage, clock, deadline)
        {
            SubjectLocation = request.Jurisdiction,
            LawSteps = JsonSerializer.Serialize(lawSteps, Json),
        };
    }

    // The stored law steps of a request, to put back in front of a recomputed explanation.
    public static IReadOnlyList<DeadlineStep> ParseLawSteps(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<DeadlineStep[]>(json, Json) ?? [];
}
