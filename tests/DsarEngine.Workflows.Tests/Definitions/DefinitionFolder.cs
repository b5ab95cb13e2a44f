using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Tests.Definitions;

// A temporary workflows folder holding the shipped schema, for tests that write their own definitions.
internal sealed class DefinitionFolder : IDisposable
{
    public const string Steps = """{ "id": "ack", "type": "acknowledge" }, { "id": "collect", "type": "fan-out", "action": "export" }, """
        + """{ "id": "close", "type": "close" }""";

    public DefinitionFolder() =>
        File.Copy(Path.Combine(Shipped, DefinitionLoader.SchemaFile), Path.Combine(Directory.FullName, DefinitionLoader.SchemaFile));

    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("dsar-defs");

    // The repository's workflows/ folder: the files that ship, not copies of them.
    public static string Shipped
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DsarEngine.sln")))
                dir = dir.Parent;
            return Path.Combine(
                dir?.FullName ?? throw new DirectoryNotFoundException("DsarEngine.sln not found above the test directory."), "workflows");
        }
    }

    public static string Definition(string id = "access", int version = 1, string rights = "\"access\"", string steps = Steps) => $$"""
        { "id": "{{id}}", "version": {{version}}, "rights": [{{rights}}], "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 },
          "steps": [ {{steps}} ] }
        """;

    public DefinitionFolder With(string file, string json)
    {
        File.WriteAllText(Path.Combine(Directory.FullName, file), json);
        return this;
    }

    public DefinitionCatalog Load() => DefinitionLoader.LoadDirectory(Directory.FullName);

    // Every problem the loader reports, as the host would print it.
    public string[] Errors()
    {
        var error = Assert.Throws<DefinitionException>(() => Load());
        Assert.That(error!.Message, Does.StartWith("Workflow definitions are invalid; the engine cannot start:"));
        Assert.That(error.Message, Does.Contain(error.Errors[0].ToString()));
        return [.. error.Errors.Select(e => e.ToString())];
    }

    public static string[] ErrorsOf(string json)
    {
        using var folder = new DefinitionFolder().With("broken.json", json);
        return folder.Errors();
    }

    public void Dispose() => Directory.Delete(recursive: true);
}
