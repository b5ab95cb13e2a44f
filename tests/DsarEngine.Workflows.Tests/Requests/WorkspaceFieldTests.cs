using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tests.TestData;

namespace DsarEngine.Workflows.Tests.Requests;

// The workspace a subject names at a processor (e.g. the "acme" of acme.helpdesk.example) is matched as a key.
public sealed class WorkspaceFieldTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static NewRequest? Validate(string? workspace)
    {
        var errors = new IntakeErrors();
        var request = IntakeValidator.Validate(IntakeForms.Valid("access") with { Workspace = workspace }, IntakeOrigin.Public, Now,
            errors);
        Assert.That(errors.Any, Is.False);
        return request;
    }

    [Test]
    public void The_workspace_is_trimmed_and_lowercased_and_a_blank_one_means_none()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Validate(" Acme ")!.Workspace, Is.EqualTo("acme"));
            Assert.That(Validate("   ")!.Workspace, Is.Null);
            Assert.That(Validate(null)!.Workspace, Is.Null);
        }
    }
}
