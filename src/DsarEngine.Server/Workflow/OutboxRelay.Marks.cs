using Dapper;
using Npgsql;

namespace DsarEngine.Server.Workflow;

// What a round writes back per row: sent, failed (next attempt after the backoff, or dead after the cap), or dead at
// once. Logs carry the row id and the message type, never the body (it holds the subject's identities).
internal sealed partial class OutboxRelay
{
    private const string SentSql = "UPDATE outbox SET sent_at = @Now, attempts = attempts + 1, last_error = NULL WHERE id = @Id";

    private const string FailedSql = """
        UPDATE outbox SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @Next, dead_at = @DeadAt WHERE id = @Id
        """;

    private const string DeadSql = "UPDATE outbox SET attempts = attempts + 1, last_error = @Error, dead_at = @Now WHERE id = @Id";

    private async Task MarkDeadAsync(NpgsqlConnection c, NpgsqlTransaction tx, OutboxRow row, string error, CancellationToken ct)
    {
        await c.ExecuteAsync(
            new CommandDefinition(DeadSql, new { row.Id, Error = error, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        log.LogError("Outbox message {MessageId} ({MessageType}) can never be sent and is dead: {Error}. " +
            "Staff see it at GET /api/v1/staff/outbox?state=dead",
            row.Id, row.MessageType, error);
    }

    // True when this failure was the last one allowed (Dsar:Runtime:OutboxMaxAttempts) and the row is now dead.
    private async Task<bool> MarkFailedAsync(NpgsqlConnection c, NpgsqlTransaction tx, OutboxRow row, string error, CancellationToken ct)
    {
        var settings = options.Value;
        var attempt = row.Attempts + 1;
        var now = clock.GetUtcNow();
        var next = now + settings.OutboxBackoff(attempt);
        var dead = attempt >= settings.OutboxMaxAttempts;
        await c.ExecuteAsync(new CommandDefinition(FailedSql,
            new { row.Id, Error = error, Next = next, DeadAt = dead ? now : (DateTimeOffset?)null }, tx, cancellationToken: ct));
        if (dead)
            log.LogError("Outbox message {MessageId} ({MessageType}) is dead after {Attempts} failed sends: {Error}. " +
                "Staff see it at GET /api/v1/staff/outbox?state=dead",
                row.Id, row.MessageType, attempt, error);
        else
            log.LogWarning("Outbox message {MessageId} ({MessageType}) could not be sent (attempt {Attempt}); " +
                "next attempt at {NextAttempt:O}: {Error}",
                row.Id, row.MessageType, attempt, next, error);
        return dead;
    }
}
