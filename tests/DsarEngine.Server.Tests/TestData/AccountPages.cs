using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Tests.TestData;

// The e-mailed account pages (accept an invitation, forgot and reset a password) as a browser without script posts
// them, and the principals that the people services are called with.
internal static partial class AccountPages
{
    public const string NewPassword = "a brand new passphrase for the inbox";

    // The link of a caught message, as a path and query on the test server.
    public static string LinkIn(CaughtMail mail, string page)
    {
        var match = Regex.Match(mail.Body, $@"http://localhost(/inbox/account/{page}\?\S+)");
        Assert.That(match.Success, Is.True, $"the e-mail carries a link to /inbox/account/{page}: {mail.Body}");
        return match.Groups[1].Value;
    }

    // Posts one of the pages' forms (with the antiforgery token of its page) and returns the page that answers.
    public static async Task<string> PostAsync(HttpClient browser, string url, string handler, IDictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(url);
        var token = Token().Match(page);
        Assert.That(token.Success, Is.True, $"the page at {url} shows a form: {page}");
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        var response = await browser.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    public static Dictionary<string, string> Password(string password) =>
        new() { ["Input.Password"] = password, ["Input.Confirm"] = password };

    public static ClaimsPrincipal Principal(TestTenant tenant, string role, Guid? id = null) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, (id ?? Guid.NewGuid()).ToString()),
        new Claim(ClaimTypes.Name, $"{tenant.Slug}/someone@example.org"),
        new Claim(StaffClaims.TenantId, tenant.Id.ToString()), new Claim(StaffClaims.TenantSlug, tenant.Slug),
        new Claim(ClaimTypes.Role, role),
    ], "test"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
