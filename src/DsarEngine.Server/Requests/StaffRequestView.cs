using System.Text.Json;
using DsarEngine.Server.Deadlines;

namespace DsarEngine.Server.Requests;

// A request as the privacy team sees it, including the subject's details.
internal sealed record StaffRequestView(
    string Reference, string Right, string? Purpose, JsonElement Subject, string? Details, string Channel,
    string Jurisdiction, string Regime, string Language, string Status, DateTimeOffset ReceivedAt, DateTimeOffset CreatedAt, int Version,
    DeadlineView Deadline)
{
    // GDPR Art. 16: the corrections the subject asked for, field and value, as the connectors will receive them.
    public IReadOnlyList<Workflows.Requests.RequestedChange> Changes { get; init; } = [];

    // GDPR Art. 16: the subject's supplementary statement, sent to the systems with the corrections.
    public string? Statement { get; init; }

    // 11 CCR §7025: the subject's browser sent a Global Privacy Control signal (Sec-GPC: 1) with the request.
    public bool GlobalPrivacyControl { get; init; }

    public static StaffRequestView From(StoredRequest r, DateTimeOffset now) =>
        new(r.Reference, r.RightKind, r.Purpose, JsonDocument.Parse(r.Subject).RootElement, r.Details, r.Channel,
            r.Jurisdiction, r.Regime, r.Language, r.Status, r.ReceivedAt, r.CreatedAt, r.Version, DeadlineView.From(r, now))
        {
            Changes = Workflows.Requests.RequestChanges.Parse(r.Changes), Statement = r.SupplementaryStatement,
            GlobalPrivacyControl = r.GlobalPrivacyControl,
        };
}
