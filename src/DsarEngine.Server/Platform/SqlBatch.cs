using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace DsarEngine.Server.Platform;

// One statement and its parameters, as the stores write them for Dapper: `@Name` placeholders filled from the public
// properties of an object (anonymous or a record).
internal readonly record struct SqlStatement(string Sql, object? Parameters = null);

// Several statements in one round trip (an NpgsqlBatch). Dapper has no batch API, so this binds each statement's `@Name`
// placeholders from its object's properties the way Dapper does for the types the stores pass (docs/performance.md,
// "Intake"): DateTimeOffset in UTC (DateTimeOffsetHandler), null as NULL, everything else as Npgsql maps it.
// Without a transaction the batch is one implicit transaction: all its statements commit, or none.
internal static partial class SqlBatch
{
    private static readonly ConcurrentDictionary<string, string[]> NamesBySql = new();
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>> Getters = new();

    public static async Task<int[]> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, CancellationToken ct,
        params IReadOnlyList<SqlStatement> statements)
    {
        await using var batch = new NpgsqlBatch(connection, tx);
        foreach (var statement in statements)
            batch.BatchCommands.Add(Command(statement));
        await batch.ExecuteNonQueryAsync(ct);
        return [.. batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.RecordsAffected)];
    }

    private static NpgsqlBatchCommand Command(SqlStatement statement)
    {
        var command = new NpgsqlBatchCommand(statement.Sql);
        if (statement.Parameters is not { } source)
            return command;
        var type = source.GetType();
        foreach (var name in NamesBySql.GetOrAdd(statement.Sql, Names))
            command.Parameters.Add(new NpgsqlParameter(name, Value(Getters.GetOrAdd((type, name), Getter)(source))));
        return command;
    }

    private static string[] Names(string sql) => [.. Placeholder().Matches(sql).Select(m => m.Groups[1].Value).Distinct()];

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset at => at.ToUniversalTime(),
        Enum e => Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    private static Func<object, object?> Getter((Type Type, string Name) key)
    {
        var property = key.Type.GetProperty(key.Name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            ?? throw new InvalidOperationException($"The SQL names @{key.Name}, which {key.Type.Name} does not have.");
        return property.GetValue;
    }

    // `@Name` not preceded by a word character or a second `@` (PostgreSQL's own `@>`-style operators have no name after them).
    [GeneratedRegex(@"(?<![\w@])@([A-Za-z_]\w*)")]
    private static partial Regex Placeholder();
}
