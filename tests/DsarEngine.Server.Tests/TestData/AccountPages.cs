using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Tests.TestData;

// The e-mailed account pages (accept an invitation, forgot and reset a password) as a browser without script posts
// them, and the principals that the people services are called with.
internal static class AccountPages
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
        var response = await InboxSession.PostFormAsync(browser, url, handler, fields);
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
}
