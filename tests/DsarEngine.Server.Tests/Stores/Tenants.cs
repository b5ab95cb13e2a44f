using DsarEngine.Workflows.Tenants;

namespace DsarEngine.Server.Tests.Stores;

internal static class Tenants
{
    // A unique slug per call: tests share one database and isolate by tenant.
    public static Tenant New(string jurisdiction = "FR", string timeZone = "Europe/Paris") =>
        new(Guid.NewGuid(), $"t-{Guid.NewGuid():N}"[..20], "Test Organisation", jurisdiction, timeZone, "en", []);
}
