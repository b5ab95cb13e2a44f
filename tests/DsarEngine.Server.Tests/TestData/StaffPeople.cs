using System.Security.Claims;
using DsarEngine.Server.Accounts;
using DsarEngine.Server.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.TestData;

// A real person of a test tenant (a staff_users row, so that a request can be assigned to them) and the claims their
// sign-in gives them, incl. Identity's user id claim that InboxPeople's stand-ins do not carry.
internal sealed record StaffPerson(Guid Id, string Email, string DisplayName, ClaimsPrincipal Principal);

internal static class StaffPeople
{
    public static async Task<StaffPerson> CreateAsync(EngineFactory engine, TestTenant tenant, string role)
    {
        // A name of its own, so that a test can tell two people of the same role apart by what the inbox shows.
        var email = $"{role}-{Guid.NewGuid():N}"[..20] + "@example.org";
        var created = await engine.Services.GetRequiredService<StaffDirectory>().CreateAsync(tenant.Id, tenant.Slug, email,
            $"{role} {email[^20..^12]}", role, InboxSession.Password, emailConfirmed: true);
        Assert.That(created.Succeeded, Is.True, string.Join(" ", created.Errors.Select(e => e.Description)));
        var member = (await engine.Services.GetRequiredService<StaffDirectory>().ListAsync(tenant.Id, CancellationToken.None))
            .Single(m => m.Email == email);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, member.Id.ToString()), new Claim(ClaimTypes.Name, $"{tenant.Slug}/{email}"),
            new Claim(ClaimTypes.Role, role), new Claim(StaffClaims.TenantId, tenant.Id.ToString()),
            new Claim(StaffClaims.TenantSlug, tenant.Slug),
        ], "test"));
        return new StaffPerson(member.Id, email, member.DisplayName, principal);
    }
}
