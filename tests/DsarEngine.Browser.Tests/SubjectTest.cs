namespace DsarEngine.Browser.Tests;

// A test of the subject's door: the shop's privacy page on its own origin (BrowserEngine.Shop), the engine's form in the
// frame embed.js inserts there, the mail catcher, and the portal on the engine's origin.
public abstract class SubjectTest : BrowserTest
{
    // The shop's privacy page in a language (English at /privacy, the others under their prefix), on the allowed origin or
    // another site.
    protected static string ShopPage(string language, Uri? site = null) =>
        new Uri(site ?? BrowserEngine.Shop, language == "en" ? "privacy" : $"{language}/privacy").ToString();

    // What the page's CSP refused, as Chromium reports it on the console ("Refused to load …", "Refused to frame …").
    protected List<string> WatchPolicy()
    {
        var refused = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                refused.Add(message.Text);
        };
        return refused;
    }
}
