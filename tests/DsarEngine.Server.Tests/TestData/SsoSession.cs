using System.Net;
using System.Text.RegularExpressions;
using DsarEngine.Server.Accounts.SingleSignOn;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.TestData;

// Single sign-on as a browser without script goes through it: the start page's link to the IdP, the IdP's answer, and
// the engine's callback with the code and state.
internal static partial class SsoSession
{
    public static async Task ConfigureAsync(EngineFactory engine, TestTenant tenant, TestOpenIdProvider provider,
        IDictionary<string, string> groups, bool justInTime = true, bool enabled = true)
    {
        var store = engine.Services.GetRequiredService<SsoStore>();
        var version = (await store.FindAsync(tenant.Id, CancellationToken.None))?.Version ?? 0;
        var input = new SsoInput
        {
            Enabled = enabled, Authority = provider.Issuer.ToString(), ClientId = provider.ClientId, ClientSecret = provider.ClientSecret,
            Scopes = "openid profile email", GroupsClaim = "groups", JustInTime = justInTime,
            Groups = [.. groups.Select(g => new SsoGroupInput { Group = g.Key, Role = g.Value })],
        };
        Assert.That(input.Validate(engine.Services.GetRequiredService<DsarEngine.Server.Connectors.Egress.EgressPolicy>()), Is.Empty);
        Assert.That(await store.SaveAsync(tenant.Id, input, version, CancellationToken.None), Is.True);
    }

    // The engine's last answer: the callback's redirect (signed in, or the refusal page). answerAt sends the IdP's answer
    // to another organisation's callback, as an attacker holding it would.
    public static async Task<(HttpClient Browser, HttpResponseMessage Answer)> SignInAsync(EngineFactory engine, string organisation,
        string? answerAt = null)
    {
        var browser = InboxSession.Browser(engine);
        var start = await browser.GetAsync($"/inbox/sso/start?org={organisation}");
        Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the start page continues to the IdP");
        var link = Continue().Match(await start.Content.ReadAsStringAsync());
        Assert.That(link.Success, Is.True, "the start page links to the IdP");
        using var idp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var approved = await idp.GetAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await approved.Content.ReadAsStringAsync());
        var callback = approved.Headers.Location!;
        var path = answerAt is null ? callback.PathAndQuery : SsoPaths.Callback(answerAt) + callback.Query;
        return (browser, await browser.GetAsync(path));
    }

    public static string? Refusal(HttpResponseMessage answer) =>
        answer.Headers.Location?.ToString() is { } location && location.StartsWith(SsoPaths.Refused, StringComparison.Ordinal)
            ? location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..]
            : null;

    [GeneratedRegex("<a id=\"continue\" href=\"([^\"]+)\"")]
    private static partial Regex Continue();
}
