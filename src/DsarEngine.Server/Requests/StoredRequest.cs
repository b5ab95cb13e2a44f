using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Requests;

// A request row. Constructor mapping is positional: keep the order of RequestColumns.
internal sealed record StoredRequest(
    Guid Id,
    Guid TenantId,
    string Reference,
    byte[] StatusTokenHash,
    string RightKind,
    string? Purpose,
    string Subject,
    string? Details,
    string Channel,
    string Jurisdiction,
    string Regime,
    string Language,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CreatedAt,
    int Version,
    string? TimeZone,
    DateOnly? ReceivedOn,
    DateOnly? InitialDue,
    DateOnly? ExtensionNoticeBy,
    DateOnly? ExtendedDue,
    DateOnly? AcknowledgeBy,
    DateOnly? EffectiveDue,
    DateTimeOffset? DueAt,
    bool Extended,
    string ExtensionMethod,
    string Stops,
    string Changes = "[]")
{
    // Dapper materialises through this and the init setters: its constructor mapping needs exact column types
    // (timestamptz reads as DateTime, text[] as Array), which the positional constructor cannot offer.
    private StoredRequest() : this(default, default, "", [], "", null, "", null, "", "", "", "", "", default, default, default,
        null, null, null, null, null, null, null, null, false, "", "[]", "[]") { }

    public const string Columns = """
        id, tenant_id, reference, status_token_hash, right_kind, purpose, subject::text AS subject, details,
        channel, jurisdiction, regime, language, status, received_at, created_at, version,
        time_zone, received_on, initial_due, extension_notice_by, extended_due, acknowledge_by, effective_due, due_at,
        extended, extension_method, stops::text AS stops, changes::text AS changes, restriction_ground,
        subject_location, law_steps::text AS law_steps, supplementary_statement, transmit_to::text AS transmit_to,
        transmission_refusal, global_privacy_control
        """;

    // GDPR Art. 20(2): the receiving controller a portability subject named ({"controller", "email"}), or null; and why
    // staff found the transmission not technically feasible, or null.
    public string? TransmitTo { get; init; }

    public string? TransmissionRefusal { get; init; }

    public Transmission? Transmission =>
        TransmitTo is null ? null : System.Text.Json.JsonSerializer.Deserialize<Transmission>(TransmitTo, TransmissionJson);

    private static readonly System.Text.Json.JsonSerializerOptions TransmissionJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    // 11 CCR §7025: the request came with a Global Privacy Control signal (Sec-GPC: 1), an opt-out of sale/sharing for the
    // browser it came from; sent with the stop-sale-sharing commands.
    public bool GlobalPrivacyControl { get; init; }

    // GDPR Art. 18(1): a restriction's ground, when the subject gave one (RestrictionGrounds); sent to the connectors.
    public string? RestrictionGround { get; init; }

    // GDPR Art. 16: the subject's supplementary statement (rectification), sent with the rectify command.
    public string? SupplementaryStatement { get; init; }

    // Where the subject said they live (an input to the organisation's scope rules); Jurisdiction is the organisation's
    // place of performance, whose calendar and time zone the clock uses.
    public string? SubjectLocation { get; init; }

    // Why Regime was chosen at intake (ApplicableLaw steps, JSON): shown before the clock's own steps.
    public string LawSteps { get; init; } = "[]";

    public RequestClock Clock => new(Regime, Jurisdiction, TimeZone ?? "UTC", ReceivedAt, Extended,
        RequestClock.ParseMethod(ExtensionMethod), RequestClock.ParseStops(Stops))
    {
        Right = Rights.TryParse(RightKind, out var right) ? right : null,
    };

    // The stored dates follow the clock; they are columns so that the inbox can sort and timers can fire on them.
    public StoredRequest WithClock(RequestClock clock, DeadlineComputation computed) => this with
    {
        Regime = computed.Regime,
        Jurisdiction = computed.Jurisdiction,
        TimeZone = computed.TimeZone,
        ReceivedOn = computed.ReceivedOn,
        InitialDue = computed.InitialDue,
        ExtensionNoticeBy = computed.ExtensionNoticeBy,
        ExtendedDue = computed.ExtendedDue,
        AcknowledgeBy = computed.AcknowledgeBy,
        EffectiveDue = computed.EffectiveDue,
        // The last tick of the day, cut to the microseconds PostgreSQL keeps (what is stored is what was computed).
        DueAt = Workflows.Journal.Instants.Microseconds(computed.EffectiveDueAt),
        Extended = clock.Extended,
        ExtensionMethod = RequestClock.MethodSlug(clock.Method),
        Stops = RequestClock.StopsJson(clock.Stops),
    };

    public string? SubjectEmail() =>
        System.Text.Json.JsonDocument.Parse(Subject).RootElement.TryGetProperty("email", out var email) ? email.GetString() : null;
}
