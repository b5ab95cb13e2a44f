using Dapper;
using DsarEngine.Workflows.Mail;

namespace DsarEngine.Server.Mail;

// SMTP delivery, one message at a time, each outcome committed on its own: a failure never undoes the record of
// another message that was sent, so nothing is sent twice because a neighbour failed (review H3).
internal sealed partial class MailboxStore
{
    // Claims the oldest due message and leases it: next_attempt_at moves past the send's deadline, so another
    // engine skips it while it is being sent, and a crash mid-send hands it back after the lease (same Message-ID).
    // The attempt is counted now, so a message that kills the process every time still runs out of attempts.
    private const string ClaimSql = $"""
        UPDATE mail_messages SET attempts = attempts + 1, next_attempt_at = @LeaseUntil
        WHERE id = (
            SELECT id FROM mail_messages
            WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= @Now AND attempts < @MaxAttempts
            ORDER BY next_attempt_at, created_at, id
            LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING {Columns}
        """;

    public async Task<StoredMail?> ClaimNextAsync(int maxAttempts, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredMail>(
            new CommandDefinition(ClaimSql, new { Now = now, LeaseUntil = now + lease, MaxAttempts = maxAttempts }, cancellationToken: ct));
    }

    // A message still leased after its last allowed attempt was interrupted every time (the process died while
    // sending it): it is dead, so it cannot hold a place in the queue forever.
    private const string BuryInterruptedSql = """
        UPDATE mail_messages SET dead_at = @Now, last_error = COALESCE(last_error, 'interrupted')
        WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= @Now AND attempts >= @MaxAttempts
        RETURNING id
        """;

    public async Task<IReadOnlyList<Guid>> BuryInterruptedAsync(int maxAttempts, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(
            BuryInterruptedSql, new { Now = now, MaxAttempts = maxAttempts }, cancellationToken: ct))).AsList();
    }

    private const string SentSql = """
        UPDATE mail_messages SET sent_at = @Now, last_error = NULL WHERE id = @Id AND sent_at IS NULL
        """;

    public async Task MarkSentAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SentSql, new { Id = id, Now = now }, cancellationToken: ct));
    }

    private const string FailedSql = """
        UPDATE mail_messages SET last_error = @Error, next_attempt_at = @Next, dead_at = @DeadAt
        WHERE id = @Id AND sent_at IS NULL
        """;

    // attempts: the count the claim recorded. Returns true when the message is now dead.
    public async Task<bool> MarkFailedAsync(
        Guid id, int attempts, string error, MailRetryPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        var dead = policy.IsDead(attempts);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(FailedSql,
            new { Id = id, Error = error, Next = now + policy.DelayAfter(attempts), DeadAt = dead ? now : (DateTimeOffset?)null },
            cancellationToken: ct));
        return dead;
    }
}
