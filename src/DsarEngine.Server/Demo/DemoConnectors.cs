using System.Text.Json;
using DsarEngine.Server.Connectors;

namespace DsarEngine.Server.Demo;

// The demo organisation's systems: what eng/run.sh starts from samples/, registered as an admin would.
internal static class DemoConnectors
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Provisioned for the organisation "demo" only: Dsar:Connectors:Secrets:demo:newsletter (Value, Endpoints).
    public const string NewsletterSecret = "newsletter";

    public static IEnumerable<StoredConnector> All(string newsletterUrl) =>
    [
        Bus("crm", "Sales CRM", ["locate", "export", "rectify", "erase", "stop-processing"], ["contact-details", "contacts", "notes"], []),
        Bus("billing", "Billing", ["locate", "export", "erase", "restrict", "lift-restriction"], ["account", "invoices", "payment-methods"],
            [new { category = "invoices", legalBasis = "Code de commerce art. L123-22 (10 years)", period = "P10Y" }]),
        Bus("support-desk", "Support desk", ["locate", "export", "rectify", "erase"],
            ["requester", "support-tickets", "ticket-comments"], []),
        new("newsletter", ["locate", "export", "erase", "stop-processing"], 24, true, "http", "Newsletter service", ["Mailer SaaS"],
            ["subscriber", "lists", "campaign-activity"],
            JsonSerializer.Serialize(new[]
            {
                new { category = "suppression-list", legalBasis = "GDPR Art. 21(3): never mail an objector again", period = (string?)null },
            }, Json),
            false, JsonSerializer.Serialize(new { endpoint = newsletterUrl, secretRef = NewsletterSecret, resultMode = "sync" }, Json),
            default, null),
        new("paper-archive", ["export", "erase"], 168, true, "manual", "Paper archive", ["Filing room"], ["correspondence"], "[]", true,
            null, default, null),
    ];

    // Each bus connector is bound to the broker user eng/bus-users.sh issued to its service: demo.<name>.
    private static StoredConnector Bus(string name, string display, string[] actions, string[] categories, object[] retention) =>
        new(name, actions, 24, true, "bus", display, [display], categories, JsonSerializer.Serialize(retention, Json), false, null, default,
            null, $"demo.{name}");
}
