using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Tests.Definitions;

public sealed class VersioningTests
{
    [Test]
    public void New_requests_get_the_newest_version_and_pinned_instances_still_find_theirs()
    {
        using var folder = new DefinitionFolder()
            .With("access.v1.json", DefinitionFolder.Definition(version: 1))
            .With("access.json", DefinitionFolder.Definition(version: 2,
                steps: """{ "id": "legal", "type": "review", "required": true }, """ + DefinitionFolder.Steps));
        var catalog = DefinitionFiles.Load(folder.Directory.FullName);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.ForRight("access").Version, Is.EqualTo(2));
            Assert.That(catalog.Find("access", 1)!.Steps.Select(s => s.Id), Is.EqualTo(new[] { "ack", "collect", "close" }));
            Assert.That(catalog.Find("access", 2)!.Steps[0].Id, Is.EqualTo("legal"));
            Assert.That(catalog.Find("access", 3), Is.Null);
        }
    }

    [Test]
    public void The_same_id_and_version_twice_is_refused()
    {
        using var folder = new DefinitionFolder().With("a.json", DefinitionFolder.Definition()).With("b.json", DefinitionFolder.Definition());
        var error = Assert.Throws<DefinitionException>(() => DefinitionFiles.Load(folder.Directory.FullName));
        Assert.That(error!.Errors.Select(e => e.Message), Has.Some.EqualTo("access@1 is defined more than once."));
    }
}
