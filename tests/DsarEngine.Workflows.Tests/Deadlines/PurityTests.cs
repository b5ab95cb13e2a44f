namespace DsarEngine.Workflows.Tests.Deadlines;

// The legal clock is pure code: no database, bus or web framework, and no ambient clock.
public sealed class PurityTests
{
    private static readonly string[] Forbidden =
    [
        "Npgsql", "Dapper", "MassTransit", "Microsoft.AspNetCore", "DateTime.Now", "DateTime.UtcNow", "DateTime.Today",
        "DateTimeOffset.Now", "DateTimeOffset.UtcNow",
    ];

    [Test]
    public void The_deadlines_source_uses_no_infrastructure_and_no_ambient_clock()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "DsarEngine.Workflows", "Deadlines");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);

        var offences = files
            .SelectMany(file => Forbidden.Where(File.ReadAllText(file).Contains).Select(word => $"{Path.GetFileName(file)}: {word}"))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Has.Length.GreaterThan(20), "the Deadlines folder was not found where expected");
            Assert.That(offences, Is.Empty);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DsarEngine.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("DsarEngine.sln not found above the test directory");
    }
}
