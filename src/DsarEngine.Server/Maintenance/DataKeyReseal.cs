using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.Maintenance;

// How many rows one key id seals in one table.
internal sealed record SealedCount(string KeyId, string Table, long Rows);

// Moves every sealed row onto the current data key (docs/operations.md, "Rotating the data key"): rows under a retired
// key are opened and sealed again, a few per transaction, each transaction holding its rows' locks (FOR UPDATE SKIP
// LOCKED, so a row being written elsewhere waits for the next run). Idempotent and restartable: it only ever picks rows
// not yet under the current key, so a run stopped half-way is finished by the next. Rows under a key this ring does not
// know are left alone and counted: they cannot be opened here.
internal sealed class DataKeyReseal(NpgsqlDataSource dataSource, DataKeyRing keys)
{
    // Export chunks and packs can be megabytes each: a small batch keeps each transaction's memory and locks small.
    public const int Batch = 20;

    public async Task<IReadOnlyList<SealedCount>> CountAsync(CancellationToken ct)
    {
        var counts = new List<SealedCount>();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        foreach (var table in SealedTables.All)
        {
            await using var command = new NpgsqlCommand(
                $"SELECT {table.KeyId}, count(*) FROM {table.Name} WHERE {Present(table)} GROUP BY 1 ORDER BY 1", c);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                counts.Add(new SealedCount(reader.GetString(0), table.Name, reader.GetInt64(1)));
        }
        return counts;
    }

    // The number of rows re-sealed. progress is told after each committed batch (table, rows so far).
    public async Task<long> ResealAsync(Action<string, long>? progress, CancellationToken ct)
    {
        long total = 0;
        var retired = keys.KnownIds.Where(id => id != keys.CurrentId).ToArray();
        if (retired.Length == 0)
            return 0;
        foreach (var table in SealedTables.All)
        {
            long done = 0;
            int moved;
            do
            {
                moved = await ResealBatchAsync(table, retired, ct);
                done += moved;
                if (moved > 0)
                    progress?.Invoke(table.Name, done);
            }
            while (moved > 0);
            total += done;
        }
        return total;
    }

    private async Task<int> ResealBatchAsync(SealedTable table, string[] retired, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var rows = new List<SealedRow>();
        var columns = string.Join(", ", table.Parts.SelectMany(p => new[] { p.Nonce, p.Sealed }));
        await using (var select = new NpgsqlCommand($"""
            SELECT {table.Id}, {table.Sequence ?? "0"}, tenant_id, {table.KeyId}, {columns} FROM {table.Name}
            WHERE {Present(table)} AND {table.KeyId} = ANY(@Retired)
            LIMIT {Batch} FOR UPDATE SKIP LOCKED
            """, c, tx))
        {
            select.Parameters.AddWithValue("Retired", retired);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add(new SealedRow(reader.GetGuid(0), reader.GetInt32(1), reader.GetGuid(2), reader.GetString(3),
                    [.. table.Parts.Select((_, i) => (byte[])reader.GetValue(4 + 2 * i))],
                    [.. table.Parts.Select((_, i) => (byte[])reader.GetValue(5 + 2 * i))]));
        }
        var assignments = string.Join(", ", table.Parts.Select((p, i) => $"{p.Nonce} = @N{i}, {p.Sealed} = @S{i}"));
        foreach (var row in rows)
        {
            await using var update = new NpgsqlCommand($"""
                UPDATE {table.Name} SET {table.KeyId} = @KeyId, {assignments}
                WHERE {table.Id} = @Id{(table.Sequence is null ? "" : $" AND {table.Sequence} = @Sequence")} AND {table.KeyId} = @OldKeyId
                """, c, tx);
            update.Parameters.AddWithValue("KeyId", keys.CurrentId);
            update.Parameters.AddWithValue("OldKeyId", row.KeyId);
            update.Parameters.AddWithValue("Id", row.Id);
            update.Parameters.AddWithValue("Sequence", row.Sequence);
            for (var i = 0; i < table.Parts.Count; i++)
            {
                var associated = table.Parts[i].Associated(row);
                var (nonce, sealedBytes) = keys.Seal(keys.Open(row.KeyId, row.Nonces[i], row.Sealed[i], associated), associated);
                update.Parameters.AddWithValue($"N{i}", nonce);
                update.Parameters.AddWithValue($"S{i}", sealedBytes);
            }
            await update.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    // A row holds a sealed value when its key id and first sealed column are set (a person without an authenticator app,
    // an organisation whose single sign-on has no secret, hold none).
    private static string Present(SealedTable table) => $"{table.KeyId} IS NOT NULL AND {table.Parts[0].Sealed} IS NOT NULL";
}
