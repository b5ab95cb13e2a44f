using Dapper;
using Npgsql;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Packs;

// The per-request limits, counted from the codes themselves: a code is guessable only while it is valid (15 minutes
// after it was made), so the wrong guesses of a day are the attempts of the codes made that day.
internal sealed partial class PackCodes
{
    private static readonly TimeSpan CodeWindow = TimeSpan.FromHours(1);
    private static readonly TimeSpan GuessWindow = TimeSpan.FromDays(1);

    private sealed record Usage(long Codes, DateTimeOffset? FirstCodeAt, long Guesses, DateTimeOffset? FirstGuessedAt)
    {
        private Usage() : this(0, null, 0, null) { }
    }

    // Serialises the checks of one request (two parallel sends must not both see "2 of 3"); released at commit.
    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended('pack-codes:' || @RequestId::text, 0))";

    private const string UsageSql = """
        SELECT count(*) FILTER (WHERE created_at > @now - @codeWindow) AS codes,
               min(created_at) FILTER (WHERE created_at > @now - @codeWindow) AS first_code_at,
               coalesce(sum(attempts), 0) AS guesses,
               min(created_at) FILTER (WHERE attempts > 0) AS first_guessed_at
        FROM pack_codes WHERE tenant_id = @TenantId AND request_id = @RequestId AND created_at > @now - @guessWindow
        """;

    // When the next code may be sent (issuing) or tried, or null when now.
    private static async Task<DateTimeOffset?> RefusalAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredRequest request,
        PackCodeLimits limits, DateTimeOffset now, bool issuing, CancellationToken ct)
    {
        await c.ExecuteAsync(new CommandDefinition(LockSql, new { RequestId = request.Id }, tx, cancellationToken: ct));
        var usage = await c.QuerySingleAsync<Usage>(new CommandDefinition(UsageSql,
            new { request.TenantId, RequestId = request.Id, now, codeWindow = CodeWindow, guessWindow = GuessWindow },
            tx, cancellationToken: ct));
        // A new code is no use while guessing is locked: none is sent then either.
        if (usage.Guesses >= limits.GuessesPerDay)
            return (usage.FirstGuessedAt ?? now) + GuessWindow;
        if (issuing && usage.Codes >= limits.CodesPerHour)
            return (usage.FirstCodeAt ?? now) + CodeWindow;
        return null;
    }
}
