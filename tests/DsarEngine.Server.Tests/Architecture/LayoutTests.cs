using System.Reflection;
using System.Text.RegularExpressions;

namespace DsarEngine.Server.Tests.Architecture;

// The layout a newcomer reads the architecture from (docs/architecture.md): the host is cut by feature, each feature
// registers and maps itself, namespaces say where a file is, endpoints and consumers leave data access to stores, and
// no two types of the engine share a name. Each rule is checked on the source or the compiled assemblies.
public sealed partial class LayoutTests
{
    private static readonly string[] Features =
    [
        "Requests", "Workflow", "Connectors", "Packs", "Deadlines", "Mail", "Identity", "OpenDsr", "Tenants", "Accounts", "Inbox",
        "Platform",
    ];

    private static string Root()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DsarEngine.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("DsarEngine.sln not found above the test directory.");
    }

    private static string Host => Path.Combine(Root(), "src", "DsarEngine.Server");

    private static IEnumerable<string> Sources(string project) => CodeFiles(Path.Combine(Root(), "src", project));

    // Every C# file under a folder, build output (bin/, obj/) left out.
    private static IEnumerable<string> CodeFiles(string folder) => Directory
        .EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [TestCase("DsarEngine.Server", "DsarEngine.Server")]
    [TestCase("DsarEngine.Workflows", "DsarEngine.Workflows")]
    [TestCase("DsarEngine.Connectors.Sdk", "DsarEngine.Connectors")]
    [TestCase("DsarEngine.Connectors.Contracts", "DsarEngine.Connectors.Contracts")]
    public void Every_source_file_declares_the_namespace_of_its_folder(string project, string rootNamespace)
    {
        var offences = Sources(project)
            // Program.cs is the host's top-level statements, which have no namespace.
            .Where(file => Path.GetRelativePath(Path.Combine(Root(), "src", project), file) != "Program.cs")
            .Select(file => (file, declared: NamespaceLine().Match(File.ReadAllText(file)).Groups[1].Value,
                expected: string.Join('.', new[] { rootNamespace }.Concat(
                    Path.GetDirectoryName(Path.GetRelativePath(Path.Combine(Root(), "src", project), file))!
                        .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)))))
            // The SDK's folders (Hosting/, Handlers/, …) and the contract are one namespace each, by design (a published API).
            .Where(x => x.declared != x.expected
                && !(project.StartsWith("DsarEngine.Connectors", StringComparison.Ordinal)
                    && x.declared.StartsWith(rootNamespace, StringComparison.Ordinal)))
            .Select(x => $"{Path.GetRelativePath(Root(), x.file)}: namespace {x.declared}, folder says {x.expected}")
            .ToList();
        Assert.That(offences, Is.Empty);
    }

    [TestCase("Apis")]
    [TestCase("Persistence")]
    [TestCase("Infrastructure")]
    [TestCase("Runtime")]
    [TestCase("Intake")]
    [TestCase("Auth")]
    public void The_host_has_no_folder_named_after_a_technical_role(string folder) =>
        Assert.That(Directory.Exists(Path.Combine(Host, folder)), Is.False,
            $"src/DsarEngine.Server/{folder}/: put its files in their feature");

    [TestCase("Requests")]
    [TestCase("Workflow")]
    [TestCase("Connectors")]
    [TestCase("Packs")]
    [TestCase("Deadlines")]
    [TestCase("Mail")]
    [TestCase("Identity")]
    [TestCase("OpenDsr")]
    [TestCase("Tenants")]
    [TestCase("Accounts")]
    [TestCase("Inbox")]
    public void Each_feature_registers_its_services_and_maps_its_endpoints(string feature)
    {
        var setup = typeof(EngineFactory).Assembly.GetReferencedAssemblies().Select(Assembly.Load)
            .Single(a => a.GetName().Name == "DsarEngine.Server").GetType($"DsarEngine.Server.{feature}.{feature}Setup");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(setup?.GetMethod($"Add{feature}", BindingFlags.Public | BindingFlags.Static), Is.Not.Null,
                $"{feature}Setup.Add{feature}");
            Assert.That(setup?.GetMethod($"Map{feature}", BindingFlags.Public | BindingFlags.Static), Is.Not.Null,
                $"{feature}Setup.Map{feature}");
            Assert.That(File.ReadAllText(Path.Combine(Host, "EngineSetup.cs")),
                Does.Contain($".Add{feature}()").And.Contain($".Map{feature}()"));
        }
    }

    [Test]
    public void Every_feature_of_the_host_is_a_folder_of_its_own() =>
        Assert.That(Features.Where(f => !Directory.Exists(Path.Combine(Host, f))), Is.Empty);

    // Endpoints and consumers are adapters: they ask a feature's services and stores, never open connections themselves.
    [Test]
    public void Endpoints_and_consumers_open_no_database_connection()
    {
        var offences = Sources("DsarEngine.Server")
            .Where(f => Path.GetFileNameWithoutExtension(f) is var n
                && (n.EndsWith("Api", StringComparison.Ordinal) || n.Contains("Api.", StringComparison.Ordinal)
                    || n.EndsWith("Consumer", StringComparison.Ordinal)))
            .Where(f => File.ReadAllText(f) is var s
                && (s.Contains("NpgsqlDataSource", StringComparison.Ordinal)
                    || s.Contains("OpenConnectionAsync", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Root(), f))
            .ToList();
        Assert.That(offences, Is.Empty);
    }

    // One vocabulary: a type name means one thing across the engine, its core, the SDK and the contract.
    [Test]
    public void No_two_types_of_the_engine_share_a_name()
    {
        var assemblies =
            new[] { "DsarEngine.Server", "DsarEngine.Workflows", "DsarEngine.Connectors.Sdk", "DsarEngine.Connectors.Contracts" }
                .Select(Assembly.Load);
        var duplicates = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsNested && !t.Name.StartsWith('<') && t.Namespace?.StartsWith("DsarEngine", StringComparison.Ordinal) == true
                && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null
                && !t.Name.Contains("GeneratedRegex", StringComparison.Ordinal)
                && t.Name != "Program" && t.Name != "_Imports" /* Razor's per-folder imports */
                && !t.Namespace.Contains("RegularExpressions", StringComparison.Ordinal))
            .GroupBy(t => t.Name.Split('`')[0])
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}")
            .ToList();
        Assert.That(duplicates, Is.Empty);
    }

    // The house line length (max_line_length = 140, as Npgsql has it): a line reads whole in a side-by-side diff.
    [TestCase("src")]
    [TestCase("samples")]
    [TestCase("tests")]
    public void No_line_of_code_is_longer_than_140_characters(string folder)
    {
        var offences = CodeFiles(Path.Combine(Root(), folder))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => x.line.Length > 140)
            .Select(x => $"{Path.GetRelativePath(Root(), x.file)}:{x.number} ({x.line.Length})")
            .ToList();
        Assert.That(offences, Is.Empty, string.Join("\n", offences));
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
