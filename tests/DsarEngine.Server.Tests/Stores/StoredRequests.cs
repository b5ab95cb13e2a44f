using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Journal;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Stores;

internal static class StoredRequests
{
    // Whole seconds: what PostgreSQL returns equals what was written.
    public static readonly DateTimeOffset Now = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    public static StoredRequest For(Guid tenantId, string right = "access")
    {
        var clock = new RequestClock("gdpr", "FR", "Europe/Paris", Now, false, ExtensionMethod.FromReceipt, []);
        return Unclocked(tenantId, right).WithClock(clock, clock.Compute([]));
    }

    // A row as written before the legal clock existed (migration 0002 left these columns empty).
    public static StoredRequest Unclocked(Guid tenantId, string right = "access") =>
        new(Guid.CreateVersion7(Now), tenantId, PublicReference.New(), SecretTokens.Hash(Guid.NewGuid().ToString()), right, null,
            """{"email":"jeanne@example.org","name":"Jeanne","identities":[]}""", null, "api", "FR", "gdpr", "fr",
            RequestStatus.Received, Now, Now, 1, null, null, null, null, null, null, null, null, false, "from-receipt", "[]");

    public static JournalEntry Received(StoredRequest request) =>
        JournalChain.Append(null, request.TenantId, request.Id, Now, "subject", "received", """{"right":"access"}""");
}
