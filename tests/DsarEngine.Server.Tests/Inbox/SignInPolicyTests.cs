using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DsarEngine.Server.Accounts;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.Inbox;

// An organisation's sign-in policy: once an admin requires a second factor, a person without one is sent from every
// inbox page to set one up, and the inbox opens once they have; a passkey is such a factor, so its holder signs in with
// it rather than with a password alone; only an admin changes the policy.
public sealed partial class SignInPolicyTests
{
    private const string Security = "/inbox/account/security";

    private static EngineFactory Engine => SharedEngine.Engine;

    private static SignInPolicies Policies => Engine.Services.GetRequiredService<SignInPolicies>();

    [Test]
    public async Task When_required_a_person_without_a_second_factor_reaches_no_inbox_page_until_they_set_one_up()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await RequireAsync(tenant);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.PrivacyOfficer);
        var browser = InboxSession.Browser(Engine);
        await InboxSession.SignInAsync(browser, tenant.Slug, email, InboxSession.Password);

        var inbox = await browser.GetAsync("/inbox");
        var dashboard = await browser.GetAsync("/inbox/dashboard");
        var setup = await browser.GetStringAsync(Security);
        var key = Key().Match(setup).Groups[1].Value;
        var enabled = await InboxSession.PostFormAsync(browser, Security, "enable",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()) });
        var after = await browser.GetAsync("/inbox");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(inbox.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(inbox.Headers.Location?.OriginalString, Is.EqualTo(Security));
            Assert.That(dashboard.Headers.Location?.OriginalString, Is.EqualTo(Security));
            Assert.That(setup, Does.Contain("Your organisation requires a second factor."));
            Assert.That(await enabled.Content.ReadAsStringAsync(), Does.Contain("Continue to the inbox"));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK), "with an authenticator app the inbox opens");
        }
    }

    [Test]
    public async Task When_not_required_a_password_opens_the_inbox()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Agent);
        Assert.That((await browser.GetAsync("/inbox")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task When_required_the_holder_of_a_passkey_is_told_to_use_it_and_a_password_alone_opens_nothing()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await RequireAsync(tenant);
        var email = await InboxSession.CreateUserAsync(Engine, tenant, StaffRoles.Agent);
        using (var scope = Engine.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var person = (await users.FindByNameAsync(StaffUserNames.Of(tenant.Slug, email)))!;
            await users.AddOrUpdatePasskeyAsync(person, new UserPasskeyInfo(RandomNumberGenerator.GetBytes(32), [1, 2, 3],
                TimeProvider.System.GetUtcNow(), 0, ["internal"], true, false, false, [1], [1]) { Name = "Phone" });
        }
        var browser = InboxSession.Browser(Engine);
        var signIn = await InboxSession.SignInAsync(browser, tenant.Slug, email, InboxSession.Password);
        var inbox = await browser.GetAsync("/inbox");
        var security = await browser.GetAsync(Security);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await signIn.Content.ReadAsStringAsync(), Does.Contain("Your organisation requires a second factor: use"));
            Assert.That(inbox.Headers.Location?.AbsolutePath, Is.EqualTo(AccountsSetup.SignInPath), "no session was kept");
            Assert.That(security.Headers.Location?.AbsolutePath, Is.EqualTo(AccountsSetup.SignInPath));
        }
    }

    [TestCase(StaffRoles.PrivacyOfficer)]
    [TestCase(StaffRoles.Agent)]
    [TestCase(StaffRoles.Auditor)]
    public async Task Only_an_admin_changes_the_policy(string role)
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var result = await Policies.SetAsync(await PrincipalAsync(tenant, role), true, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(StaffChange.Refused));
            Assert.That(await Policies.SecondFactorRequiredAsync(tenant.Id, CancellationToken.None), Is.False);
            Assert.That(await Rows.CountAsync(Engine, "tenant_sign_in_policies", tenant.Id), Is.Zero, "nothing was stored");
        }
    }

    [Test]
    public async Task An_admin_turns_the_requirement_on_and_off_for_their_organisation_only()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var neighbour = await TestTenant.CreateAsync(Engine);
        var admin = await PrincipalAsync(tenant, StaffRoles.Admin);
        var on = await Policies.SetAsync(admin, true, CancellationToken.None);
        var requiredAfterOn = await Policies.SecondFactorRequiredAsync(tenant.Id, CancellationToken.None);
        var neighbourRequired = await Policies.SecondFactorRequiredAsync(neighbour.Id, CancellationToken.None);
        await Policies.SetAsync(admin, false, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(on.Outcome, Is.EqualTo(StaffChange.Done));
            Assert.That(requiredAfterOn, Is.True);
            Assert.That(neighbourRequired, Is.False);
            Assert.That(await Policies.SecondFactorRequiredAsync(tenant.Id, CancellationToken.None), Is.False);
        }
    }

    [Test]
    public async Task A_single_sign_on_session_opens_the_inbox_when_required_since_the_provider_owns_its_factors()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await RequireAsync(tenant);
        await using var idp = await TestOpenIdProvider.StartAsync();
        idp.SignedIn = idp.SignedIn with { Groups = ["dpo-team"] };
        await SsoSession.ConfigureAsync(Engine, tenant, idp, new Dictionary<string, string> { ["dpo-team"] = StaffRoles.PrivacyOfficer });

        var (browser, _) = await SsoSession.SignInAsync(Engine, tenant.Slug);
        var inbox = await browser.GetAsync("/inbox");

        Assert.That(inbox.StatusCode, Is.EqualTo(HttpStatusCode.OK), "not sent to set up the inbox's own second factor");
    }

    [Test]
    public async Task The_stamp_check_keeps_how_the_person_signed_in_so_a_single_sign_on_session_stays_one()
    {
        var signedIn = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(StaffClaims.SecondFactorMissing, "true"),
                new Claim(ClaimTypes.AuthenticationMethod, StaffClaims.SingleSignOnMethod),
            ],
            "Identity.Application"));
        var remade = new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffClaims.SecondFactorMissing, "true")], "Identity.Application"));

        await AccountsSetup.KeepSignInMethod(new SecurityStampRefreshingPrincipalContext
        {
            CurrentPrincipal = signedIn, NewPrincipal = remade,
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(remade.FindFirstValue(ClaimTypes.AuthenticationMethod), Is.EqualTo(StaffClaims.SingleSignOnMethod));
            Assert.That(remade.MustSetUpSecondFactor(), Is.False);
            Assert.That(new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffClaims.SecondFactorMissing, "true")], "x"))
                .MustSetUpSecondFactor(), Is.True, "a password session without a second factor is still closed out");
        }
    }

    private static async Task RequireAsync(TestTenant tenant) =>
        Assert.That((await Policies.SetAsync(await PrincipalAsync(tenant, StaffRoles.Admin), true, CancellationToken.None)).Outcome,
            Is.EqualTo(StaffChange.Done));

    // The claims a signed-in person of this role carries (StaffPrincipalFactory), for a person who exists.
    private static async Task<ClaimsPrincipal> PrincipalAsync(TestTenant tenant, string role)
    {
        var email = await InboxSession.CreateUserAsync(Engine, tenant, role);
        var id = await Rows.ScalarAsync<Guid>(Engine, "SELECT id FROM staff_users WHERE tenant_id = @Id AND email = @Email",
            new { tenant.Id, Email = email });
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, id.ToString()), new Claim(StaffClaims.TenantId, tenant.Id.ToString()),
            new Claim(ClaimTypes.Role, role),
        ], "test"));
    }

    [GeneratedRegex("<code id=\"authenticator-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex Key();
}
