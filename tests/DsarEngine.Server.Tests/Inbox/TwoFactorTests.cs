using System.Net;
using System.Text.RegularExpressions;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Inbox;

// The inbox's second factor: a person turns it on with a code from their app, then a password alone no longer opens
// the inbox; a wrong code does not either; each recovery code works once; the key is never stored in clear.
public sealed partial class TwoFactorTests
{
    private const string Security = "/inbox/account/security";

    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task After_turning_it_on_a_password_alone_does_not_open_the_inbox_and_the_apps_code_does()
    {
        var (tenant, email, key, recovery) = await EnabledAsync();
        var browser = InboxSession.Browser(Engine);
        var signIn = await InboxSession.SignInAsync(browser, tenant.Slug, email, InboxSession.Password);
        var halfway = await browser.GetAsync("/inbox");
        var wrong = await InboxSession.PostFormAsync(browser, "/inbox/sign-in/two-factor", "two-factor", new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow().AddMinutes(-10)),
        });
        var right = await InboxSession.PostFormAsync(browser, "/inbox/sign-in/two-factor", "two-factor", new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()),
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(signIn.Headers.Location?.AbsolutePath, Is.EqualTo("/inbox/sign-in/two-factor"));
            Assert.That(halfway.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "a password alone gives no session");
            Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("This code is not right."));
            Assert.That(right.Headers.Location?.AbsolutePath, Is.EqualTo("/inbox"));
            Assert.That((await browser.GetAsync("/inbox")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(recovery, Has.Count.EqualTo(10));
        }
    }

    [Test]
    public async Task A_recovery_code_opens_the_inbox_once()
    {
        var (tenant, email, _, recovery) = await EnabledAsync();
        var outcomes = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            var browser = InboxSession.Browser(Engine);
            await InboxSession.SignInAsync(browser, tenant.Slug, email, InboxSession.Password);
            var response = await InboxSession.PostFormAsync(browser, "/inbox/sign-in/two-factor", "two-factor",
                new Dictionary<string, string> { ["Input.Code"] = recovery[0], ["Input.Recovery"] = "true" });
            outcomes.Add(response.Headers.Location?.AbsolutePath);
        }
        Assert.That(outcomes, Is.EqualTo(new string?[] { "/inbox", null }));
    }

    [Test]
    public async Task The_key_is_stored_sealed_and_the_recovery_codes_as_hashes()
    {
        var (tenant, _, key, recovery) = await EnabledAsync();
        var row = await Rows.SingleAsync<(byte[] Key, string[] Codes)>(Engine,
            "SELECT authenticator_key, recovery_code_hashes FROM staff_users WHERE tenant_id = @Id", new { tenant.Id });
        var plain = System.Text.Encoding.UTF8.GetBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.Key.AsSpan().IndexOf(plain), Is.EqualTo(-1));
            Assert.That(row.Codes, Has.Length.EqualTo(10));
            Assert.That(row.Codes.Intersect(recovery), Is.Empty);
        }
    }

    [Test]
    public async Task A_code_that_does_not_match_the_key_leaves_two_factor_off()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Agent);
        var response = await InboxSession.PostFormAsync(browser, Security, "enable",
            new Dictionary<string, string> { ["Input.Code"] = "000000" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("This code does not match the key."),
                response.StatusCode.ToString() + string.Join(",", response.Headers.Select(h => h.Key + "=" + string.Join(";", h.Value))));
            Assert.That(
                await Rows.ScalarAsync<bool>(Engine, "SELECT two_factor_enabled FROM staff_users WHERE tenant_id = @Id", new { tenant.Id }),
                Is.False);
        }
    }

    private static async Task<(TestTenant Tenant, string Email, string Key, List<string> Recovery)> EnabledAsync()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var browser = InboxSession.Browser(Engine);
        await InboxSession.SignInAsync(browser, tenant.Slug, email, InboxSession.Password);
        var page = await browser.GetStringAsync(Security);
        var key = Key().Match(page).Groups[1].Value;
        Assert.That(key, Is.Not.Empty, "the page shows the key to type by hand");
        var enabled = await InboxSession.PostFormAsync(browser, Security, "enable",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()) });
        var html = await enabled.Content.ReadAsStringAsync();
        var recovery = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.That(html, Does.Contain("Two-factor sign-in is on."));
        Assert.That((await browser.GetAsync("/inbox")).StatusCode, Is.EqualTo(HttpStatusCode.OK),
            "the person who turned it on stays signed in");
        return (tenant, email, key, recovery);
    }

    [GeneratedRegex("<code id=\"authenticator-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex Key();

    [GeneratedRegex("<li><code>([A-Za-z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
