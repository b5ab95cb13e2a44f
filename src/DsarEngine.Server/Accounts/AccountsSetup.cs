using System.Security.Claims;
using DsarEngine.Server.Accounts.SingleSignOn;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts;

// The people who work the inbox: ASP.NET Core Identity (hashing, lockout, stamps, tokens) over StaffUserStore, signed in
// with a cookie that only the inbox accepts (the API takes API keys only, so no cookie can ride a cross-site API call).
internal static class AccountsSetup
{
    public const string SignInPath = "/inbox/sign-in";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>(o =>
            {
                // NIST SP 800-63B: length over composition rules.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false; // unique per organisation (staff_users), not across them
                o.User.AllowedUserNameCharacters = "";  // any: the name is "<organisation>/<e-mail>"
            })
            .AddUserStore<StaffUserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffPrincipalFactory>()
            // Links (reset; invitations have their own provider) and the authenticator app; not Identity's phone or e-mail code
            // providers: there is no phone number to text, and a code by e-mail is no second factor for a password that
            // resets by e-mail.
            .AddTokenProvider<DataProtectorTokenProvider<StaffUser>>(TokenOptions.DefaultProvider)
            .AddTokenProvider<AuthenticatorTokenProvider<StaffUser>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokens.Provider);
        // The e-mailed links' lifespans (the default provider makes the password reset tokens).
        services.AddValidatedOptions<AccountsOptions>(AccountsOptions.SectionName);
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<AccountsOptions>>((o, a) =>
            o.TokenLifespan = TimeSpan.FromMinutes(a.Value.PasswordResetMinutes));
        services.AddOptions<InvitationTokenProviderOptions>().Configure<IOptions<AccountsOptions>>((o, a) =>
            o.TokenLifespan = TimeSpan.FromHours(a.Value.InvitationHours));
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "dsar-inbox";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPath;
            o.LogoutPath = "/inbox/sign-out";
            o.AccessDeniedPath = "/inbox/denied";
            o.ReturnUrlParameter = "returnUrl";
            // A session ends after 30 minutes without activity (the inbox's live connection keeps it while open).
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
        });
        // A person removed or whose password changed loses every session within a minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = KeepSignInMethod;
        });
        // Passkeys: the engine's public URL is the relying party (PasskeyServer); the organisation's policy may require one.
        services.AddSingleton<IConfigureOptions<IdentityPasskeyOptions>, ConfigurePasskeys>()
            .AddSingleton<IValidateOptions<IntakeOptions>, ValidatePasskeyOrigin>()
            .AddSingleton<IAuthorizationMiddlewareResultHandler, SecondFactorGate>();
        services.AddSingleSignOn();
        return services.AddSingleton<StaffDirectory>().AddSingleton<StaffInvitations>().AddSingleton<StaffAccess>()
            .AddSingleton<PasswordResets>().AddSingleton<StaffMailLinks>().AddScoped<AuthenticatorSetup>()
            .AddSingleton<SignInPolicies>().AddScoped<StaffPasskeys>();
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        // A form post from the inbox's own pages (antiforgery token checked by the framework).
        app.MapPost("/inbox/sign-out", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(SignInPath);
        }).RequireAuthorization(AuthServices.InboxAccount).ExcludeFromDescription();
        return app.MapPasskeys().MapSingleSignOn();
    }

    // The stamp check makes the principal again from the store and drops how the person signed in ("amr"); keep it, so that
    // a single sign-on session stays one (StaffClaims.MustSetUpSecondFactor) after the first check.
    internal static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimTypes.AuthenticationMethod) is { } method
            && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod))
            identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method.Value));
        return Task.CompletedTask;
    }
}
