using System.Text;
using DsarEngine.Server.Accounts.SingleSignOn;
using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Tests.Inbox;

// Settings → Single sign-on: the admin's only, the secret sealed at rest and never shown back, the input checked before
// anything is stored.
public sealed class SingleSignOnSettingsTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_admin_sees_the_redirect_uri_and_the_settings_but_never_the_secret()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var secret = await SaveAsync(tenant);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Admin);
        var page = await browser.GetStringAsync("/inbox/settings/single-sign-on");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.Contain($"/inbox/sso/{tenant.Slug}/callback").And.Contain("https://login.example.org/realms/privacy"));
            Assert.That(page, Does.Contain("A secret is stored (sealed)").And.Not.Contain(secret));
            Assert.That(page, Does.Contain("href=\"/inbox/settings/single-sign-on\""));
        }
    }

    [TestCase(StaffRoles.PrivacyOfficer)]
    [TestCase(StaffRoles.Auditor)]
    public async Task Anyone_but_an_admin_is_refused_the_settings(string role)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await SaveAsync(tenant);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, role);
        var page = await browser.GetStringAsync("/inbox/settings/single-sign-on");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(page, Does.Contain("sso-admin-only"));
            Assert.That(page, Does.Not.Contain("login.example.org").And.Not.Contain("Issuer URL"));
            Assert.That(page, Does.Not.Contain("href=\"/inbox/settings/single-sign-on\""));
        }
    }

    [Test]
    public async Task The_client_secret_is_sealed_at_rest()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var secret = await SaveAsync(tenant);
        var stored = await Rows.ScalarAsync<byte[]>(Engine, "SELECT client_secret FROM tenant_sso WHERE tenant_id = @Id",
            new { tenant.Id });
        var settings = await Engine.Services.GetRequiredService<SsoStore>().FindAsync(tenant.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Encoding.UTF8.GetString(stored), Does.Not.Contain(secret));
            Assert.That(settings!.ClientSecret, Is.EqualTo(secret));
        }
    }

    [Test]
    public async Task A_blank_secret_keeps_the_stored_one()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var secret = await SaveAsync(tenant);
        var store = Engine.Services.GetRequiredService<SsoStore>();
        var input = Input();
        input.ClientSecret = "";
        Assert.That(await store.SaveAsync(tenant.Id, input, 1, CancellationToken.None), Is.True);
        Assert.That((await store.FindAsync(tenant.Id, CancellationToken.None))!.ClientSecret, Is.EqualTo(secret));
    }

    [Test]
    public async Task A_save_over_someone_elses_change_is_refused()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await SaveAsync(tenant);
        var store = Engine.Services.GetRequiredService<SsoStore>();
        Assert.That(await store.SaveAsync(tenant.Id, Input(), 0, CancellationToken.None), Is.False);
    }

    [TestCase("http://login.example.org", "Authority")]
    [TestCase("https://127.0.0.1/realm", "Authority")]
    [TestCase("https://10.1.2.3/realm", "Authority")]
    [TestCase("not a url", "Authority")]
    public void An_issuer_the_engine_may_not_call_is_refused(string authority, string field)
    {
        var input = Input();
        input.Authority = authority;
        Assert.That(input.Validate(SafeEgress()).Keys, Is.EquivalentTo(new[] { field }));
    }

    [Test]
    public void Scopes_without_openid_duplicate_groups_unknown_roles_and_no_groups_are_refused()
    {
        var egress = SafeEgress();
        var noOpenId = Input();
        noOpenId.Scopes = "profile email";
        var duplicate = Input();
        duplicate.Groups.Add(new SsoGroupInput { Group = "dpo", Role = StaffRoles.Admin });
        var unknownRole = Input();
        unknownRole.Groups[0].Role = "owner";
        var noGroups = Input();
        noGroups.Groups.Clear();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Input().Validate(egress), Is.Empty);
            Assert.That(noOpenId.Validate(egress).Keys, Is.EquivalentTo(new[] { "Scopes" }));
            Assert.That(duplicate.Validate(egress)["Groups"].Single(), Does.Contain("appears twice"));
            Assert.That(unknownRole.Validate(egress).Keys, Is.EquivalentTo(new[] { "Groups" }));
            Assert.That(noGroups.Validate(egress)["Groups"].Single(), Does.Contain("at least one group"));
        }
    }

    [Test]
    public async Task The_sign_in_page_offers_single_sign_on_without_personal_data_in_the_address()
    {
        var page = await InboxSession.Browser(Engine).GetStringAsync("/inbox/sign-in");
        // A GET form with the organisation's short name only: its address carries nothing about the person.
        var form = page[page.IndexOf("action=\"/inbox/sso/start\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        Assert.That(System.Text.RegularExpressions.Regex.Matches(form, "name=\"([^\"]+)\"").Select(m => m.Groups[1].Value),
            Is.EquivalentTo(new[] { "org", "returnUrl" }));
    }

    private static SsoInput Input() => new()
    {
        Enabled = true, Authority = "https://login.example.org/realms/privacy", ClientId = "dsar",
        ClientSecret = "s3cret-" + Guid.NewGuid(),
        Groups = [new SsoGroupInput { Group = "dpo", Role = StaffRoles.PrivacyOfficer }],
    };

    private static async Task<string> SaveAsync(TestTenant tenant)
    {
        var input = Input();
        Assert.That(await Engine.Services.GetRequiredService<SsoStore>().SaveAsync(tenant.Id, input, 0, CancellationToken.None), Is.True);
        return input.ClientSecret!;
    }

    // The engine's defaults: https only, no internal address.
    private static EgressPolicy SafeEgress() =>
        new(Options.Create(new EgressOptions()), new HostingEnvironment { EnvironmentName = "Production" });
}
