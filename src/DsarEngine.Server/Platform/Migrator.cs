using Dapper;
using Npgsql;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace DsarEngine.Server.Platform;

// Applies the embedded, numbered migrations in order. An advisory lock serialises engines starting
// together; a checksum per applied script makes "append-only" enforceable: editing a shipped migration
// stops the host instead of silently diverging from databases that already ran it.
internal sealed class Migrator(NpgsqlDataSource dataSource)
{
    private const long LockKey = 0x4453_4152_4d49_4752; // "DSARMIGR"

    private const string CreateVersionTableSql = """
        CREATE TABLE IF NOT EXISTS schema_versions (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            checksum   text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private const string AppliedSql = "SELECT version, name, checksum FROM schema_versions ORDER BY version";

    private const string RecordSql = "INSERT INTO schema_versions (version, name, checksum) VALUES (@Version, @Name, @Checksum)";

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: ct));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateVersionTableSql, cancellationToken: ct));
            var applied = (await connection.QueryAsync<AppliedMigration>(new CommandDefinition(AppliedSql, cancellationToken: ct)))
                .ToDictionary(m => m.Version);
            var count = 0;
            foreach (var migration in Embedded())
            {
                if (applied.TryGetValue(migration.Version, out var done))
                {
                    if (done.Checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {migration.Version} ({migration.Name}) was changed after it was applied to this database. " +
                            $"Migrations are append-only: add a new numbered script instead.");
                    continue;
                }
                await using var tx = await connection.BeginTransactionAsync(ct);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(RecordSql, migration, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                count++;
            }
            return count;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }

    internal sealed record Migration(int Version, string Name, string Checksum, string Sql);

    private sealed record AppliedMigration(int Version, string Name, string Checksum);

    // Resources are named "<assembly>.Platform.Migrations.0001_foundation.sql" (file name and content are what
    // schema_versions records, and they never change).
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
