using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Tests.Definitions;

// Issue 16, hostile input: a definition file is input too. Hundreds of seeded mutations of the shipped files (a value of
// another type or holding hostile text, a property removed, the file truncated, invalid UTF-8, a step repeated) either
// load or are refused with DefinitionException naming the file: never another exception, which would stop the host
// without saying which file is wrong. DSAR_FUZZ_SEED replays a run (docs/testing.md#hostile-input).
public sealed class DefinitionFuzzTests
{
    private const int Mutations = 300;

    private static readonly string[] Hostile =
    [
        "<script>window.__x=1</script>", "'; DROP TABLE journal; --", "\u0000", "\u202e", "\ud800", "", " ", "-1", "1e309",
        new string('x', 70_000), "../../etc/passwd", "{{7*7}}",
    ];

    [Test]
    public void Mutated_definition_files_load_or_are_refused_with_the_file_named_never_with_another_exception()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DSAR_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s)
            ? s : 160_2026;
        TestContext.Out.WriteLine($"DSAR_FUZZ_SEED={seed}");
        var random = new Random(seed);
        var shipped = Directory.GetFiles(DefinitionFolder.Shipped, "*.json")
            .Where(f => Path.GetFileName(f) != DefinitionLoader.SchemaFile).Order(StringComparer.Ordinal).ToList();
        var faults = new List<string>();
        var refused = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var file = shipped[random.Next(shipped.Count)];
            var (bytes, what) = Mutate(File.ReadAllText(file), random);
            using var folder = new DefinitionFolder();
            File.WriteAllBytes(Path.Combine(folder.Directory.FullName, "fuzzed.json"), bytes);
            try
            {
                folder.Load();
            }
            catch (DefinitionException e)
            {
                refused++;
                if (e.Errors.Count == 0 || !e.Errors.Any(x => x.ToString().Contains("fuzzed.json", StringComparison.Ordinal)))
                    faults.Add($"{Path.GetFileName(file)} [{what}]: refused without naming the file: {e.Message}");
            }
            catch (Exception e)
            {
                faults.Add($"{Path.GetFileName(file)} [{what}]: {e.GetType().Name}: {e.Message}");
            }
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(faults, Is.Empty, $"seed {seed}");
            Assert.That(refused, Is.GreaterThan(Mutations / 2), "most mutations break a rule and are refused");
        }
    }

    private static (byte[], string) Mutate(string json, Random random)
    {
        var node = JsonNode.Parse(json)!;
        switch (random.Next(6))
        {
            case 0:
                return (Encoding.UTF8.GetBytes(json[..random.Next(1, json.Length)]), "truncated");
            case 1:
                var bytes = Encoding.UTF8.GetBytes(json);
                var at = random.Next(bytes.Length);
                return ([.. bytes[..at], 0xC3, 0x28, 0xFF, .. bytes[at..]], "invalid UTF-8");
            case 2 when node["steps"] is JsonArray steps && steps.Count > 0:
                steps.Add(steps[random.Next(steps.Count)]!.DeepClone());
                return (Encoding.UTF8.GetBytes(node.ToJsonString()), "a step repeated");
        }
        var slots = new List<(JsonNode Parent, string? Name, int Index)>();
        void Walk(JsonNode? current)
        {
            if (current is JsonObject o)
                foreach (var (name, child) in o.ToList()) { slots.Add((o, name, -1)); Walk(child); }
            else if (current is JsonArray a)
                for (var i = 0; i < a.Count; i++) { slots.Add((a, null, i)); Walk(a[i]); }
        }
        Walk(node);
        var (parent, key, index) = slots[random.Next(slots.Count)];
        JsonNode? value = random.Next(4) switch
        {
            0 => JsonValue.Create(Hostile[random.Next(Hostile.Length)]),
            1 => JsonValue.Create(random.Next(2) == 0 ? long.MaxValue : -random.Next(1000)),
            2 => null,
            _ => new JsonArray(new JsonObject { ["x"] = Hostile[random.Next(Hostile.Length)] }),
        };
        if (parent is JsonObject obj)
        {
            if (random.Next(4) == 0)
                obj.Remove(key!);
            else
                obj[key!] = value;
        }
        else
        {
            parent.AsArray()[index] = value;
        }
        return (Encoding.UTF8.GetBytes(node.ToJsonString()), $"{key ?? $"[{index}]"} changed");
    }
}
