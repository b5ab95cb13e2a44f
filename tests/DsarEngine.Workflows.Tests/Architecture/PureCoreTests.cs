using System.Reflection;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Architecture;

// The domain, the legal clock and the journal are pure: no database, bus or web framework, so they can be
// reasoned about and tested without I/O (ARCHITECTURE §3). Persistence/ and the host adapt them.
public sealed class PureCoreTests
{
    private static readonly string[] PureFolders = ["Requests", "Deadlines", "Journal", "Mail", "Tenants", "Security", "Runtime", "Definitions"];
    private static readonly string[] Forbidden = ["Npgsql", "Dapper", "MassTransit", "Microsoft.AspNetCore", "System.Net.Http"];

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DsarEngine.sln")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("DsarEngine.sln not found above the test directory."), "src", "DsarEngine.Workflows");
    }

    [Test]
    public void Pure_folders_name_no_infrastructure_in_their_source()
    {
        var offences = PureFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(SourceRoot(), folder), "*.cs", SearchOption.AllDirectories))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && Forbidden.Any(f => x.line.Contains(f, StringComparison.Ordinal)))
            .Select(x => $"{Path.GetFileName(x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.That(offences, Is.Empty);
    }

    [Test]
    public void Pure_types_expose_no_infrastructure_types()
    {
        var pureNamespaces = PureFolders.Select(f => $"DsarEngine.Workflows.{f}").ToHashSet();
        var offences = typeof(Right).Assembly.GetTypes()
            .Where(t => t.Namespace is not null && pureNamespaces.Any(ns => t.Namespace == ns || t.Namespace.StartsWith(ns + ".", StringComparison.Ordinal)))
            .SelectMany(t => SignatureTypes(t).Select(used => (t, used)))
            .Where(x => Forbidden.Any(f => x.used.Assembly.GetName().Name!.StartsWith(f, StringComparison.Ordinal)))
            .Select(x => $"{x.t.FullName} uses {x.used.FullName}")
            .Distinct()
            .ToList();
        Assert.That(offences, Is.Empty);
    }

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null)
            yield return type.BaseType;
        foreach (var i in type.GetInterfaces())
            yield return i;
        foreach (var f in type.GetFields(all))
            yield return f.FieldType;
        foreach (var m in type.GetMethods(all))
        {
            yield return m.ReturnType;
            foreach (var p in m.GetParameters())
                yield return p.ParameterType;
        }
        foreach (var c in type.GetConstructors(all))
            foreach (var p in c.GetParameters())
                yield return p.ParameterType;
    }
}
