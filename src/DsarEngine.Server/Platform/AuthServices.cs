using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Authentication;

namespace DsarEngine.Server.Platform;

internal static class AuthServices
{
    public const string Staff = "staff";
    public const string StaffWrite = "staff-write";
    public const string Admin = "admin";

    public static IServiceCollection AddDsarAuth(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(StaffRoles.All))
            .AddPolicy(StaffWrite, p => p.RequireRole(StaffRoles.Writers))
            .AddPolicy(Admin, p => p.RequireRole(StaffRoles.Admin));
        return services;
    }
}
