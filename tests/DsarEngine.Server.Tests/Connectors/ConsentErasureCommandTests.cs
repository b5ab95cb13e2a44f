using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Connectors;

// GDPR Art. 17(1)(b): a consent withdrawal's stop-processing command also asks the system to erase the data held on that
// consent alone; an objection's only stops.
public sealed class ConsentErasureCommandTests
{
    private static StopProcessing Build(string right, string purpose)
    {
        var request = new StoredRequest(Guid.NewGuid(), Guid.NewGuid(), "DSR-AAAA-BBBB-CCCC", [], right, purpose, "{}", null, "api",
            "FR", "gdpr", "en", "in-progress", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, null, null, null, null, null,
            null, null, null, false, "", "[]");
        return (StopProcessing)ConnectorCommandBuilder.Build(
            new ConnectorCommand(request.Id, Guid.NewGuid(), ConnectorActions.StopProcessing, "key", 1, ConnectorKinds.Bus),
            "acme", "crm", request, [], [], new SecretTokens(new byte[32]));
    }

    [TestCase("consent-withdrawal", "direct-marketing", true)]
    [TestCase("consent-withdrawal", "ai-training", true)]
    [TestCase("objection", "direct-marketing", false)]
    [TestCase("objection", "profiling", false)]
    public void Only_a_consent_withdrawal_asks_for_the_erasure_of_consent_only_data(string right, string purpose, bool erase)
    {
        var command = Build(right, purpose);
        Assert.That((command.Purpose, command.EraseConsentOnlyData), Is.EqualTo((purpose, erase)));
    }
}
