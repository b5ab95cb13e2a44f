namespace DsarEngine.Server.Tests.TestData;

// A workflows folder whose access workflow needs no person (intake → connectors → answer → close), for tests
// that run many workflows by themselves. It must pass the shipped schema like any organisation's folder.
internal static class AutoDefinitions
{
    public const string Access = """
        { "$schema": "./definition.schema.json", "id": "access-auto", "version": 1, "rights": ["access"],
          "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 },
          "steps": [
            { "id": "acknowledge", "type": "acknowledge" },
            { "id": "export", "type": "fan-out", "action": "export", "timeoutHours": 24 },
            { "id": "pack", "type": "render-pack" },
            { "id": "deliver", "type": "deliver" },
            { "id": "closed", "type": "publish-event", "event": "request-closed" },
            { "id": "close", "type": "close" } ] }
        """;

    public static string CreateFolder()
    {
        var folder = Directory.CreateTempSubdirectory("dsar-defs").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", "definition.schema.json"),
            Path.Combine(folder, "definition.schema.json"));
        File.WriteAllText(Path.Combine(folder, "access-auto.json"), Access);
        return folder;
    }
}
