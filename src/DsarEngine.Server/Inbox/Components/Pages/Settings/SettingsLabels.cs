using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Server.Inbox.Components.Pages.Settings;

// How the settings screens name the engine's vocabularies (the wire values stay the slugs).
internal static class SettingsLabels
{
    // In the order the form lists them; every slug of Workflows.Requests.Rights.FormSlugs (an appeal starts from its request).
    public static readonly IReadOnlyDictionary<string, string> Rights = new Dictionary<string, string>
    {
        ["access"] = "Access (Art. 15)",
        ["rectification"] = "Rectification (Art. 16)",
        ["erasure"] = "Erasure (Art. 17)",
        ["restriction"] = "Restriction (Art. 18)",
        ["portability"] = "Portability (Art. 20)",
        ["objection"] = "Objection (Art. 21)",
        ["consent-withdrawal"] = "Consent withdrawal (Art. 7(3))",
        ["post-mortem-instructions"] = "Post-mortem instructions (France, LIL art. 85)",
        ["automated-decision-review"] = "Review of an automated decision (Art. 22)",
        ["opt-out-of-sale-sharing"] = "Opt-out of sale/sharing (California only, 11 CCR §7026)",
        ["limit-sensitive-use"] = "Limit the use of sensitive data (California only, 11 CCR §7027)",
    };

    public static string Identity(string type) => type switch
    {
        SubjectIdentityTypes.CustomerId => "Customer number",
        SubjectIdentityTypes.Phone => "Phone number",
        _ => type,
    };

    public static string Language(string code) => code switch
    {
        "en" => "English (en)",
        "fr" => "French (fr)",
        "ru" => "Russian (ru)",
        _ => code,
    };

    public static string ExtensionMethod(string slug) => slug switch
    {
        "from-initial-due" => "Two months from the first due date (never later: conservative)",
        _ => "Three months from receipt (the ICO's method)",
    };
}
