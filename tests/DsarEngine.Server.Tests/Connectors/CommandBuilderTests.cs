using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Tests.Connectors;

// The wire commands as the relay sends them: the restriction's Art. 18(1) ground, an erasure's kept categories.
public sealed class CommandBuilderTests
{
    private static StoredRequest Request(string right, string? ground) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "DSR-AAAA-BBBB-CCCC", [], right, null, "{}", "details", "api", "FR", "gdpr", "en",
            "in-progress",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, null, null, null, null, null, null, null, null, false, "", "[]")
        { RestrictionGround = ground };

    private static IConnectorCommand Build(string action, StoredRequest request, IReadOnlyList<KeepInstruction>? keep = null) =>
        ConnectorCommandBuilder.Build(
            new ConnectorCommand(request.Id, Guid.NewGuid(), action, "key", 1, ConnectorKinds.Bus) { Keep = keep ?? [] },
            "acme", "crm", request, [], [], new SecretTokens(new byte[32]));

    [TestCase("accuracy-contested")]
    [TestCase("objection-pending")]
    [TestCase(null)]
    public void The_restriction_ground_given_at_intake_reaches_the_connector(string? ground) =>
        Assert.That(((RestrictProcessing)Build("restrict", Request("restriction", ground))).Reason, Is.EqualTo(ground));

    [Test]
    public void The_erase_command_carries_what_the_system_must_keep_and_why()
    {
        var command = (EraseSubjectData)Build("erase", Request("erasure", null),
        [
            new KeepInstruction("invoices", "tax law", null, KeepInstruction.Assessment),
            new KeepInstruction("payroll", "Labour Code", new DateOnly(2030, 1, 1), KeepInstruction.LegalHold),
        ]);
        Assert.That(command.Keep, Is.EqualTo(new[]
        {
            new KeepCategory("invoices", "tax law", null, "assessment"),
            new KeepCategory("payroll", "Labour Code", new DateOnly(2030, 1, 1), "legal-hold"),
        }));
    }
}
