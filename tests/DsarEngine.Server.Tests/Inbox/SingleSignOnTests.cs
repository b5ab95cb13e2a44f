using System.Net;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Inbox;

// Single sign-on through the organisation's own IdP (here a test provider on loopback): the IdP's groups give the role at
// every sign-in, a person without a mapped group gets nothing, and an organisation's IdP opens that organisation only.
public sealed class SingleSignOnTests
{
    private const string Officers = "dpo-team";
    private static readonly Dictionary<string, string> OfficerMapping = new() { [Officers] = StaffRoles.PrivacyOfficer };

    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task A_person_in_the_officer_group_lands_in_the_inbox_as_privacy_officer()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = [Officers, "everyone"] };
        await SsoSession.ConfigureAsync(Engine, tenant, idp, OfficerMapping);

        var (browser, answer) = await SsoSession.SignInAsync(Engine, tenant.Slug);
        var inbox = await browser.GetAsync("/inbox");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Headers.Location?.ToString(), Does.StartWith("/inbox/sso/signed-in"));
            Assert.That(inbox.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await inbox.Content.ReadAsStringAsync(), Does.Contain("Sam Single · Privacy officer"));
            Assert.That(await RoleAsync(tenant, idp.SignedIn.Email), Is.EqualTo(StaffRoles.PrivacyOfficer));
            Assert.That(await Rows.CountAsync(Engine, "staff_external_logins", tenant.Id), Is.EqualTo(1));
            // Authorization code with PKCE, a nonce and a state; no personal data on the way out.
            Assert.That(idp.LastAuthorization["code_challenge_method"], Is.EqualTo("S256"));
            Assert.That(idp.LastAuthorization.Keys, Does.Contain("nonce").And.Contain("state").And.Contain("code_challenge"));
            Assert.That(idp.LastAuthorization["redirect_uri"], Is.EqualTo($"http://localhost/inbox/sso/{tenant.Slug}/callback"));
        }
    }

    [Test]
    public async Task A_changed_group_mapping_changes_the_role_at_the_next_sign_in()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = [Officers] };
        await SsoSession.ConfigureAsync(Engine, tenant, idp, OfficerMapping);
        await SsoSession.SignInAsync(Engine, tenant.Slug);
        Assert.That(await RoleAsync(tenant, idp.SignedIn.Email), Is.EqualTo(StaffRoles.PrivacyOfficer));

        await SsoSession.ConfigureAsync(Engine, tenant, idp, new Dictionary<string, string> { [Officers] = StaffRoles.Auditor });
        var (browser, _) = await SsoSession.SignInAsync(Engine, tenant.Slug);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await RoleAsync(tenant, idp.SignedIn.Email), Is.EqualTo(StaffRoles.Auditor));
            Assert.That(await browser.GetStringAsync("/inbox"), Does.Contain("Sam Single · Auditor"));
            Assert.That(await Rows.CountAsync(Engine, "staff_users", tenant.Id), Is.EqualTo(1), "the same person, not a second one");
        }
    }

    [Test]
    public async Task A_person_in_no_mapped_group_is_refused_and_nothing_is_created()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = ["marketing"] };
        await SsoSession.ConfigureAsync(Engine, tenant, idp, OfficerMapping);

        var (browser, answer) = await SsoSession.SignInAsync(Engine, tenant.Slug);
        var page = await browser.GetStringAsync(answer.Headers.Location!.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SsoSession.Refusal(answer), Is.EqualTo("no-role"));
            Assert.That(page, Does.Contain("does not place you in any group that has a role"));
            Assert.That(await Rows.CountAsync(Engine, "staff_users", tenant.Id), Is.Zero);
            Assert.That((await browser.GetAsync("/inbox")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "no session");
        }
    }

    [Test]
    public async Task Groups_that_give_different_roles_are_refused_rather_than_either_role_given()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = [Officers, "all-staff"] };
        await SsoSession.ConfigureAsync(Engine, tenant, idp,
            new Dictionary<string, string> { [Officers] = StaffRoles.PrivacyOfficer, ["all-staff"] = StaffRoles.Admin });

        var (_, answer) = await SsoSession.SignInAsync(Engine, tenant.Slug);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SsoSession.Refusal(answer), Is.EqualTo("ambiguous"));
            Assert.That(await Rows.CountAsync(Engine, "staff_users", tenant.Id), Is.Zero);
        }
    }

    [Test]
    public async Task Without_just_in_time_only_an_invited_person_gets_in_and_is_linked_by_subject()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = [Officers] };
        await SsoSession.ConfigureAsync(Engine, tenant, idp, OfficerMapping, justInTime: false);
        var (_, uninvited) = await SsoSession.SignInAsync(Engine, tenant.Slug);
        Assert.That(SsoSession.Refusal(uninvited), Is.EqualTo("not-invited"));

        var directory = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Accounts.StaffDirectory>(Engine.Services);
        var created = await directory.CreateAsync(tenant.Id, tenant.Slug, idp.SignedIn.Email, "Invited", StaffRoles.Agent,
            InboxSession.Password, emailConfirmed: false);
        Assert.That(created.Succeeded, Is.True);
        var (_, invited) = await SsoSession.SignInAsync(Engine, tenant.Slug);
        // Later the address at the IdP changes: the subject still names the same person.
        idp.SignedIn = idp.SignedIn with { Email = "renamed-" + idp.SignedIn.Email };
        var (_, renamed) = await SsoSession.SignInAsync(Engine, tenant.Slug);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(invited.Headers.Location?.ToString(), Does.StartWith("/inbox/sso/signed-in"));
            Assert.That(renamed.Headers.Location?.ToString(), Does.StartWith("/inbox/sso/signed-in"));
            Assert.That(await Rows.CountAsync(Engine, "staff_users", tenant.Id), Is.EqualTo(1));
            Assert.That(await Rows.CountAsync(Engine, "staff_external_logins", tenant.Id), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task One_organisations_sign_in_cannot_complete_at_another_organisation()
    {
        // Both organisations trust the same IdP and client: only the scheme (the callback's organisation) separates them.
        var a = await TestTenant.CreateAsync(Engine);
        var b = await TestTenant.CreateAsync(Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = [Officers] };
        await SsoSession.ConfigureAsync(Engine, a, idp, OfficerMapping);
        await SsoSession.ConfigureAsync(Engine, b, idp, new Dictionary<string, string> { [Officers] = StaffRoles.Admin });

        var (browser, answer) = await SsoSession.SignInAsync(Engine, a.Slug, answerAt: b.Slug);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SsoSession.Refusal(answer), Is.EqualTo("failed"));
            Assert.That(await Rows.CountAsync(Engine, "staff_users", b.Id), Is.Zero);
            Assert.That(await Rows.CountAsync(Engine, "staff_users", a.Id), Is.Zero);
            Assert.That((await browser.GetAsync("/inbox")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "no session");
        }
        // Signed in at each, the same person is two accounts, each in its own organisation with that organisation's role.
        await SsoSession.SignInAsync(Engine, a.Slug);
        await SsoSession.SignInAsync(Engine, b.Slug);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await RoleAsync(a, idp.SignedIn.Email), Is.EqualTo(StaffRoles.PrivacyOfficer));
            Assert.That(await RoleAsync(b, idp.SignedIn.Email), Is.EqualTo(StaffRoles.Admin));
        }
    }

    [Test]
    public Task An_id_token_signed_by_another_key_is_refused() => TamperedTokenIsRefusedAsync(TestOpenIdProvider.Tampering.WrongSignature);

    [Test]
    public Task An_id_token_with_another_nonce_is_refused() => TamperedTokenIsRefusedAsync(TestOpenIdProvider.Tampering.WrongNonce);

    private static async Task TamperedTokenIsRefusedAsync(TestOpenIdProvider.Tampering tampering)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = [Officers] };
        idp.Tamper = tampering;
        await SsoSession.ConfigureAsync(Engine, tenant, idp, OfficerMapping);

        var (browser, answer) = await SsoSession.SignInAsync(Engine, tenant.Slug);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SsoSession.Refusal(answer), Is.EqualTo("failed"), $"answered {answer.Headers.Location}");
            Assert.That(await Rows.CountAsync(Engine, "staff_users", tenant.Id), Is.Zero);
            Assert.That((await browser.GetAsync("/inbox")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "no session");
        }
    }

    [Test]
    public async Task An_organisation_without_single_sign_on_is_told_so()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var answer = await InboxSession.Browser(Engine).GetAsync($"/inbox/sso/start?org={tenant.Slug}");
        Assert.That(SsoSession.Refusal(answer), Is.EqualTo("unavailable"));
    }

    [Test]
    public async Task Turned_off_single_sign_on_refuses_a_sign_in_already_on_its_way()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = [Officers] };
        await SsoSession.ConfigureAsync(Engine, tenant, idp, OfficerMapping);
        await SsoSession.ConfigureAsync(Engine, tenant, idp, OfficerMapping, enabled: false);
        var answer = await InboxSession.Browser(Engine).GetAsync($"/inbox/sso/start?org={tenant.Slug}");
        Assert.That(SsoSession.Refusal(answer), Is.EqualTo("unavailable"));
    }

    private static Task<string> RoleAsync(TestTenant tenant, string email) => Rows.ScalarAsync<string>(Engine,
        "SELECT role FROM staff_users WHERE tenant_id = @Id AND normalized_email = upper(@Email)", new { tenant.Id, Email = email });
}
