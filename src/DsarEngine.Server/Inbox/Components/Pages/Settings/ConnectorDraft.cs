using DsarEngine.Server.Connectors;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Inbox.Components.Pages.Settings;

// The connector form's fields as an admin types them; ToBody makes the same body the staff API takes, so ConnectorAdmin
// (ConnectorBodyValidation) judges both alike.
internal sealed class ConnectorDraft
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Kind { get; set; } = ConnectorKinds.Bus;
    public int TimeoutHours { get; set; } = 168;
    public HashSet<string> Actions { get; } = [];
    public string Systems { get; set; } = "";
    public string DataCategories { get; set; } = "";
    public bool NeedsReview { get; set; }
    public bool Enabled { get; set; } = true;
    public string Retention { get; set; } = "";
    public string Endpoint { get; set; } = "";
    public string SecretRef { get; set; } = "";
    public string ResultMode { get; set; } = "sync";
    public string BusUser { get; set; } = "";

    public static string EndpointOf(StoredConnector c) => ConnectorView.From(c, "").Http?.Endpoint ?? "";

    // The secret's name is not copied into the form: an empty field keeps it (ToBody's currentSecret).
    public static ConnectorDraft From(ConnectorView v)
    {
        var draft = new ConnectorDraft
        {
            Name = v.Name, DisplayName = v.DisplayName, Kind = v.Kind, TimeoutHours = v.TimeoutHours,
            Systems = string.Join(", ", v.Systems),
            DataCategories = string.Join(", ", v.DataCategories), NeedsReview = v.NeedsReview, Enabled = v.Enabled,
            Retention = string.Join("\n",
                v.Retention.Select(r => string.Join(" | ", new[] { r.Category, r.LegalBasis, r.Period }.OfType<string>()))),
            Endpoint = v.Http?.Endpoint ?? "", ResultMode = v.Http?.ResultMode ?? "sync", BusUser = v.Bus?.User ?? "",
        };
        draft.Actions.UnionWith(v.Actions);
        return draft;
    }

    public ConnectorBody ToBody(string? currentSecret)
    {
        var http = Kind is ConnectorKinds.Http or ConnectorKinds.OpenDsr
            ? new HttpEndpoint(Blank(Endpoint), Blank(SecretRef) ?? currentSecret, ResultMode)
            : null;
        return new ConnectorBody([.. Actions.Order(StringComparer.Ordinal)], TimeoutHours, Enabled, Kind, Blank(DisplayName), List(Systems),
            List(DataCategories), [.. Lines(Retention).Select(Rule)], NeedsReview, http,
            Kind == ConnectorKinds.Bus ? new BusBinding(Blank(BusUser)) : null);
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Lines(string value) =>
        value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "category | legal basis | period": a missing part stays missing, and the validation names it.
    private static RetentionRule Rule(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        return new RetentionRule(Part(parts, 0), Part(parts, 1), Part(parts, 2));
    }

    private static string? Part(string[] parts, int i) => parts.Length > i && parts[i].Length > 0 ? parts[i] : null;
}
