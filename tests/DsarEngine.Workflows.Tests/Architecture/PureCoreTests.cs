using System.Xml.Linq;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Architecture;

// The core (requests, the legal clock, definitions, the executor, the journal, texts and models) is pure: no database,
// bus or web framework, so it can be reasoned about and tested without I/O. The compiler enforces it, because the
// project references nothing that does I/O; these tests keep it that way: the project file, the compiled assembly's
// references, and (a second guard) the source text of every folder.
public sealed class PureCoreTests
{
    private static readonly string[] Forbidden =
        ["Npgsql", "Dapper", "MassTransit", "RabbitMQ", "Microsoft.AspNetCore", "System.Net.Http", "MailKit"];

    // Packages the core may use: pure libraries over System.Text.Json, nothing that opens a socket or a file for others.
    private static readonly string[] PurePackages = ["JsonSchema.Net"];

    private static string Root()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DsarEngine.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("DsarEngine.sln not found above the test directory.");
    }

    private static string Core => Path.Combine(Root(), "src", "DsarEngine.Workflows");

    private static XDocument Project(string folder, string name) => XDocument.Load(Path.Combine(Root(), "src", folder, name));

    [Test]
    public void The_core_project_references_the_wire_contract_and_no_io_package_or_framework()
    {
        var project = Project("DsarEngine.Workflows", "DsarEngine.Workflows.csproj");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(project.Descendants("FrameworkReference"), Is.Empty, "no ASP.NET Core (or other) framework reference");
            Assert.That(project.Descendants("ProjectReference")
                    .Select(p => Path.GetFileName(((string)p.Attribute("Include")!).Replace('\\', '/'))),
                Is.EqualTo(new[] { "DsarEngine.Connectors.Contracts.csproj" }));
            Assert.That(project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!), Is.SubsetOf(PurePackages));
        }
    }

    [Test]
    public void The_wire_contract_references_nothing_at_all()
    {
        var project = Project("DsarEngine.Connectors.Contracts", "DsarEngine.Connectors.Contracts.csproj");
        Assert.That(project.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference"),
            Is.Empty);
    }

    [Test]
    public void The_compiled_core_references_no_io_assembly()
    {
        var references = typeof(Right).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.That(references.Where(r => Forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))), Is.Empty,
            string.Join(", ", references));
    }

    [Test]
    public void No_folder_of_the_core_names_infrastructure_in_its_source()
    {
        var offences = Directory.EnumerateFiles(Core, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal)
                && Forbidden.Any(f => x.line.Contains(f, StringComparison.Ordinal)))
            .Select(x => $"{Path.GetRelativePath(Core, x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.That(offences, Is.Empty);
    }
}
