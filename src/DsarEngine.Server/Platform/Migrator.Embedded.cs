using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace DsarEngine.Server.Platform;

internal sealed partial class Migrator
{
    internal sealed record Migration(int Version, string Name, string Checksum, string Sql);

    private sealed record AppliedMigration(int Version, string Name, string Checksum);

    // Resources are named "<assembly>.Platform.Migrations.0001_foundation.sql" (file name and content are what schema_versions records, and they never change).
    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        const string folder = ".Platform.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.Contains(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[(name.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static Migration Load(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd().ReplaceLineEndings("\n");
        var digits = fileName.Split('_', 2)[0];
        if (!int.TryParse(digits, out var version))
            throw new InvalidOperationException($"Migration '{fileName}.sql' must start with its number, e.g. 0002_name.sql.");
        return new Migration(version, fileName, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql))), sql);
    }
}
