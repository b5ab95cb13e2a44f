namespace DsarEngine.Workflows.Tests.Definitions;

// A temporary workflows folder with the shipped schema, for tests that write broken definitions.
internal sealed class DefinitionFolder : IDisposable
{
    public DirectoryInfo Directory { get; } = System.IO.Directory.CreateTempSubdirectory("dsar-defs");

    public static string Shipped
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DsarEngine.sln")))
                dir = dir.Parent;
            return Path.Combine(dir!.FullName, "workflows");
        }
    }

    public DefinitionFolder() =>
        File.Copy(Path.Combine(Shipped, "definition.schema.json"), Path.Combine(Directory.FullName, "definition.schema.json"));

    public DefinitionFolder With(string file, string json)
    {
        File.WriteAllText(Path.Combine(Directory.FullName, file), json);
        return this;
    }

    public static string Definition(string id = "access", int version = 1, string rights = "\"access\"", string steps = Steps) => $$"""
        { "id": "{{id}}", "version": {{version}}, "rights": [{{rights}}], "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 },
          "steps": [ {{steps}} ] }
        """;

    public const string Steps = """{ "id": "ack", "type": "acknowledge" }, { "id": "collect", "type": "fan-out", "action": "export" }, { "id": "close", "type": "close" }""";

    public void Dispose() => Directory.Delete(recursive: true);
}
