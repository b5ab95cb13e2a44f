using System.Net;
using System.Text.RegularExpressions;
using DsarEngine.Server.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.TestData;

// A person of a test tenant signing in to the inbox over HTTP, as a browser without script would: the sign-in page's
// form with its antiforgery token, then the cookie. (The browser tests drive the interactive pages.)
internal static partial class InboxSession
{
    public const string Password = "correct horse battery staple";

    public static async Task<string> CreateUserAsync(EngineFactory engine, TestTenant tenant, string role, string? password = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}"[..20] + "@example.org";
        var result = await engine.Services.GetRequiredService<StaffDirectory>()
            .CreateAsync(tenant.Id, tenant.Slug, email, $"Test {role}", role, password ?? Password, emailConfirmed: true);
        Assert.That(result.Succeeded, Is.True, string.Join(" ", result.Errors.Select(e => e.Description)));
        return email;
    }

    public static HttpClient Browser(EngineFactory engine) =>
        engine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    // Posts the sign-in form; returns the response (a redirect on success, the page again with an error otherwise).
    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string organisation, string email, string password,
        string? returnUrl = null) =>
        PostFormAsync(browser, "/inbox/sign-in" + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"), "sign-in",
            new Dictionary<string, string>
            {
                ["Input.Organisation"] = organisation, ["Input.Email"] = email, ["Input.Password"] = password,
            });

    public static async Task<HttpClient> SignedInAsync(EngineFactory engine, TestTenant tenant, string role)
    {
        var email = await CreateUserAsync(engine, tenant, role);
        var browser = Browser(engine);
        var response = await SignInAsync(browser, tenant.Slug, email, Password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        return browser;
    }

    // Any form of the inbox's server-rendered pages: reads the page for its antiforgery token, then posts the fields.
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string handler,
        IDictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        var token = Token().Match(page);
        Assert.That(token.Success, Is.True, $"{path} carries an antiforgery token");
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        return await browser.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
