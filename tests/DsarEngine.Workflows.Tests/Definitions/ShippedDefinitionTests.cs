using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Definitions;

public sealed class ShippedDefinitionTests
{
    private static readonly WorkflowCatalog Catalog = DefinitionFiles.Load(DefinitionFolder.Shipped);

    [Test]
    public void Every_shipped_file_loads_and_every_right_the_intake_accepts_has_a_workflow()
    {
        var files = Directory.EnumerateFiles(DefinitionFolder.Shipped, "*.json").Count(f => !f.EndsWith(DefinitionFiles.SchemaFile, StringComparison.Ordinal));
        Assert.That(Catalog.All, Has.Count.EqualTo(files));
        Assert.That(Rights.Slugs.Where(r => !Catalog.Serves(r)), Is.Empty);
    }

    [TestCaseSource(nameof(ShippedIds))]
    public void A_shipped_workflow_verifies_identity_first_and_ends_with_close(string id)
    {
        var definition = Catalog.All.Single(d => d.Id == id);
        Assert.That(definition.Steps[0].Type, Is.EqualTo(StepTypes.VerifyIdentity));
        Assert.That(definition.Steps[^1].Type, Is.EqualTo(StepTypes.Close));
    }

    [Test]
    public void Erasure_announces_itself_and_tells_recipients()
    {
        var types = Catalog.ForRight("erasure").Steps.Select(s => s.Type).ToList();
        Assert.That(types, Does.Contain(StepTypes.NotifyRecipients).And.Contain(StepTypes.PublishEvent));
        Assert.That(Catalog.ForRight("erasure").Steps.Single(s => s.Type == StepTypes.FanOut).Action, Is.EqualTo("erase"));
    }

    private static IEnumerable<string> ShippedIds() =>
        Directory.EnumerateFiles(DefinitionFolder.Shipped, "*.json").Select(Path.GetFileNameWithoutExtension)
            .Where(n => n != "definition.schema").Select(n => n!);
}
