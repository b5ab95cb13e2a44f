namespace DsarEngine.Workflows.Tests.Definitions;

// Instances are pinned to the id and version they started with; new requests get the newest version.
public sealed class VersioningTests
{
    private static readonly string V2 = DefinitionFolder.Definition(version: 2,
        steps: """{ "id": "legal", "type": "review", "required": true }, """ + DefinitionFolder.Steps);

    [Test]
    public void New_requests_get_the_newest_version_and_pinned_instances_still_find_theirs()
    {
        using var folder = new DefinitionFolder().With("access.v1.json", DefinitionFolder.Definition(version: 1)).With("access.json", V2);
        var catalog = folder.Load();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.All.Select(d => d.Key), Is.EqualTo(new[] { "access@1", "access@2" }));
            Assert.That(catalog.ForRight("access").Key, Is.EqualTo("access@2"));
            Assert.That(catalog.Find("access", 1)!.Steps.Select(s => s.Id), Is.EqualTo(new[] { "ack", "collect", "close" }));
            Assert.That(catalog.Find("access", 2)!.Steps[0].Id, Is.EqualTo("legal"));
            Assert.That(catalog.Find("access", 3), Is.Null);
            Assert.That(catalog.Find("erasure", 1), Is.Null);
        }
    }

    [Test]
    public void The_file_name_does_not_decide_which_version_is_newest()
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition(version: 1)).With("access.old.json", V2);
        Assert.That(folder.Load().ForRight("access").Version, Is.EqualTo(2));
    }

    [Test]
    public void The_same_id_and_version_in_two_files_is_refused()
    {
        using var folder = new DefinitionFolder().With("a.json", DefinitionFolder.Definition())
            .With("b.json", DefinitionFolder.Definition());
        Assert.That(folder.Errors(), Is.EqualTo(new[] { "a.json, b.json: /version: access@1 is defined in more than one file." }));
    }

    [Test]
    public void A_right_a_newer_version_gives_up_can_move_to_another_workflow()
    {
        using var folder = new DefinitionFolder()
            .With("access.v1.json", DefinitionFolder.Definition(rights: "\"access\", \"portability\""))
            .With("access.json", DefinitionFolder.Definition(version: 2))
            .With("portability.json", DefinitionFolder.Definition(id: "portability", rights: "\"portability\""));
        var catalog = folder.Load();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.ForRight("portability").Key, Is.EqualTo("portability@1"));
            Assert.That(catalog.Find("access", 1)!.Rights, Does.Contain("portability"));
        }
    }

    [Test]
    public void Two_workflows_serving_one_right_are_refused_naming_both_files()
    {
        using var folder = new DefinitionFolder()
            .With("a.json", DefinitionFolder.Definition("access-a"))
            .With("b.json", DefinitionFolder.Definition("access-b", rights: "\"access\", \"portability\""));
        Assert.That(folder.Errors(), Is.EqualTo(new[]
        {
            "a.json, b.json: /rights: 'access' is served by more than one workflow (access-a@1, access-b@1); a new request must have one.",
        }));
    }

    [Test]
    public void Asking_for_a_right_nobody_serves_is_a_bug_the_catalog_names()
    {
        using var folder = new DefinitionFolder().With("access.json", DefinitionFolder.Definition());
        var catalog = folder.Load();
        Assert.That(catalog.Serves("erasure"), Is.False);
        Assert.That(() => catalog.ForRight("erasure"), Throws.InvalidOperationException.With.Message.Contains("'erasure'"));
    }
}
