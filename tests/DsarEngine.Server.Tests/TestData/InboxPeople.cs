using System.Security.Claims;
using DsarEngine.Server.Inbox;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.TestData;

// A person of a test tenant as the inbox's components see them (the claims StaffPrincipalFactory gives), and the request
// page's services built for them exactly as a circuit builds them.
internal static class InboxPeople
{
    public static ClaimsPrincipal Person(TestTenant tenant, string role) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, $"{tenant.Slug}/{role}@example.org"), new Claim(ClaimTypes.Role, role),
        new Claim(StaffClaims.TenantId, tenant.Id.ToString()), new Claim(StaffClaims.TenantSlug, tenant.Slug),
    ], "test"));

    public static RequestActions Actions(EngineFactory engine, ClaimsPrincipal person) => Service<RequestActions>(engine, person);

    // Any of the inbox's scoped services (RequestActions, ConversationActions, ...) for this person.
    public static T Service<T>(EngineFactory engine, ClaimsPrincipal person) where T : class =>
        ActivatorUtilities.CreateInstance<T>(engine.Services, new InboxUser(new Fixed(person)));

    public static RequestPageQueries Queries(EngineFactory engine) => engine.Services.GetRequiredService<RequestPageQueries>();

    private sealed class Fixed(ClaimsPrincipal person) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(person));
    }
}
