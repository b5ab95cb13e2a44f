using System.Text.RegularExpressions;

namespace DsarEngine.Samples.Shop;

// What the shop is told (Shop__EngineUrl=… or --Shop:EngineUrl=…): the engine whose form it embeds and the organisation
// that form belongs to, its own name and where it listens. Checked at start: a shop without them would show a page whose
// form never appears, which a person trying the demo could not explain.
public sealed class ShopOptions
{
    public const string SectionName = "Shop";

    // The engine's public address (scheme://host[:port]), as a browser reaches it: embed.js comes from there, the form's
    // frame too, and the page's CSP allows that origin for scripts and frames and nothing else. No default: required.
    public string? EngineUrl { get; set; }

    // The organisation's slug on the engine (the demo's is "demo"). No default: required.
    public string? Tenant { get; set; }

    // The shop's name on its pages (default "Maison Lumière").
    public string Name { get; set; } = "Maison Lumière";

    // Where the shop listens (default http://127.0.0.1:5091; eng/run.sh sets it from DSAR_SHOP_PORT).
    public string Url { get; set; } = "http://127.0.0.1:5091";

    // The engine's origin, for the CSP (EngineUrl without path or trailing slash).
    public string EngineOrigin() => new Uri(EngineUrl!).GetLeftPart(UriPartial.Authority);

    // embed.js under the engine's address (a path prefix in EngineUrl is kept: an engine behind a proxy at /dsar).
    public string EmbedScript() => $"{EngineUrl!.TrimEnd('/')}/embed.js";

    // Each setting's problem, in words that say what to set; empty when the shop can start.
    public IEnumerable<string> Problems()
    {
        if (!IsEngineUrl(EngineUrl))
            yield return "Set Shop:EngineUrl to the engine's address as a browser reaches it (http:// or https://, no query), " +
                "e.g. http://localhost:5080.";
        if (string.IsNullOrEmpty(Tenant))
            yield return "Set Shop:Tenant: the organisation's slug on the engine whose form the page embeds, e.g. demo.";
        else if (!Regex.IsMatch(Tenant, "^[a-z0-9][a-z0-9-]{0,62}$"))
            yield return "Shop:Tenant must be an organisation's slug: lower-case letters, digits and hyphens, e.g. demo.";
        if (Name.Trim().Length is 0 or > 80)
            yield return "Shop:Name must be 1 to 80 characters.";
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || url.Scheme != "http")
            yield return "Shop:Url must be the absolute http:// address the shop listens on, e.g. http://127.0.0.1:5091.";
    }

    private static bool IsEngineUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0
        && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
