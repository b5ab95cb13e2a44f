using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace DsarEngine.Server.Platform;

internal static class AuthServices
{
    public const string Staff = "staff";
    public const string StaffWrite = "staff-write";
    public const string Admin = "admin";
    public const string Inbox = "inbox";

    // The person's own sign-in pages (security, sign-out): open to a person who still has to set up the second factor
    // their organisation requires, whom the inbox proper refuses (Accounts/SecondFactorGate).
    public const string InboxAccount = "inbox-account";

    // Which credential a request may use: the API (and everything machines call) takes API keys only; the inbox and its
    // live connection take the sign-in cookie only. A browser's cookie therefore never authorises an API call, so a
    // cross-site form cannot act through the API with a signed-in person's session.
    private const string Selector = "dsar";

    public static IServiceCollection AddDsarAuth(this IServiceCollection services)
    {
        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or inbox cookie", o => o.ForwardDefaultSelector = context =>
                IsInbox(context.Request.Path) ? IdentityConstants.ApplicationScheme : ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(StaffRoles.All))
            .AddPolicy(StaffWrite, p => p.RequireRole(StaffRoles.Writers))
            .AddPolicy(Admin, p => p.RequireRole(StaffRoles.Admin))
            .AddPolicy(Inbox, p => p.RequireRole(StaffRoles.All)
                .RequireAssertion(c => !c.User.MustSetUpSecondFactor()))
            .AddPolicy(InboxAccount, p => p.RequireRole(StaffRoles.All));
        return services;
    }

    public static bool IsInbox(PathString path) => path.StartsWithSegments("/inbox") || path.StartsWithSegments("/_blazor");
}
