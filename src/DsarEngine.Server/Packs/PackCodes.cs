using Dapper;
using DsarEngine.Workflows.Security;
using Npgsql;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Packs;

internal enum PackCodeCheck
{
    Accepted,
    Wrong,
    Spent,
    // Too many wrong codes for this request lately, across all its codes: nothing was checked.
    Locked,
}

// How many codes one request may be sent per hour, and how many wrong codes it may see per day across all of them.
internal sealed record PackCodeLimits(int CodesPerHour, int GuessesPerDay);

// A code e-mailed (Id), or none because a per-request limit was reached: then RetryAt says when one may be.
internal sealed record PackCodeIssue(Guid? Id, DateTimeOffset? RetryAt);

// The one-time codes that open response packs, and the journal entry of each download.
internal sealed partial class PackCodes(NpgsqlDataSource dataSource, SecretTokens tokens)
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(15);

    // A code that opened one part of the answer (the letter) opens each other part (the copy) once, for this long after
    // its first download, even past its validity: the subject who wants both needs one code, not two e-mails. The same
    // part twice needs a new code. The code was proven right at the first download, so this adds no guessing time.
    public static readonly TimeSpan OtherPartsFor = TimeSpan.FromMinutes(10);

    public string Code(Guid id)
    {
        var derived = tokens.Derive("pack-code", id);
        var number = BitConverter.ToUInt32(Convert.FromBase64String(derived.Replace('-', '+').Replace('_', '/') + "="), 0) % 1_000_000;
        return number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    // Each code is e-mailed to the subject: capped per request, or anyone holding the link could mail-bomb them.
    // Audience: the door the code opens, the subject's (SubjectAudience) or the receiving controller's (GDPR Art. 20(2)).
    public const string SubjectAudience = "subject";
    public const string ReceivingControllerAudience = "receiving-controller";

    public async Task<PackCodeIssue> CreateAsync(StoredRequest request, Func<Guid, MailDraft> mailFor, PackCodeLimits limits,
        DateTimeOffset now, CancellationToken ct, string audience = SubjectAudience)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await RefusalAsync(c, tx, request, limits, now, issuing: true, ct) is { } retryAt)
            return new PackCodeIssue(null, retryAt);
        var id = Guid.CreateVersion7(now);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO pack_codes (id, tenant_id, request_id, code_hash, expires_at, created_at, audience)
            VALUES (@id, @TenantId, @RequestId, @hash, @expires, @now, @audience)
            """,
            new
            {
                id, request.TenantId, RequestId = request.Id, hash = SecretTokens.Hash(Code(id)), expires = now + Validity, now, audience,
            },
            tx, cancellationToken: ct));
        await MailboxStore.EnqueueAsync(c, tx, request.TenantId, request.Id, mailFor(id), now, ct);
        await tx.CommitAsync(ct);
        return new PackCodeIssue(id, null);
    }

    private static string Whose(string audience) => audience == SubjectAudience ? "subject's" : "receiving controller's";

    private sealed record Row(byte[] CodeHash, DateTimeOffset ExpiresAt, int Attempts, DateTimeOffset? UsedAt, string[] PartsUsed)
    {
        private Row() : this([], default, 0, null, []) { }

        public bool Opens(string part, DateTimeOffset now) => Attempts < MaxAttempts && (UsedAt is { } first
            ? !PartsUsed.Contains(part, StringComparer.Ordinal) && now < first + OtherPartsFor
            : now < ExpiresAt);
    }

    // Checks the code for one part of the answer; a right one is spent for that part and the download journaled with
    // the part in the same transaction.
    public async Task<(PackCodeCheck Check, DateTimeOffset? RetryAt)> UseAsync(StoredRequest request, Guid id, string? code,
        string part, PackCodeLimits limits, DateTimeOffset now, CancellationToken ct, string audience = SubjectAudience)
    {
        // The part goes into the journal's JSON as it is, so it must be one of the known names (the endpoint checked it).
        ArgumentOutOfRangeException.ThrowIfNotEqual(PackParts.IsKnown(part), true, nameof(part));
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await RefusalAsync(c, tx, request, limits, now, issuing: false, ct) is { } retryAt)
            return (PackCodeCheck.Locked, retryAt);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT code_hash, expires_at, attempts, used_at, parts_used FROM pack_codes
            WHERE id = @id AND tenant_id = @TenantId AND request_id = @RequestId AND audience = @audience FOR UPDATE
            """, new { id, request.TenantId, RequestId = request.Id, audience }, tx, cancellationToken: ct));
        if (row is null || !row.Opens(part, now))
            return (PackCodeCheck.Spent, null);
        if (!SecretTokens.Matches(code, row.CodeHash))
        {
            await c.ExecuteAsync(new CommandDefinition(
                "UPDATE pack_codes SET attempts = attempts + 1 WHERE id = @id", new { id }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return (PackCodeCheck.Wrong, null);
        }
        await c.ExecuteAsync(new CommandDefinition(
            "UPDATE pack_codes SET used_at = coalesce(used_at, @now), parts_used = array_append(parts_used, @part) WHERE id = @id",
            new { id, now, part }, tx, cancellationToken: ct));
        await JournalStore.AppendEventAsync(c, tx, request.TenantId, request.Id, now, audience,
            Workflows.Journal.JournalKinds.PackDownloaded,
            $$"""{"proof":"one-time code sent to the {{Whose(audience)}} e-mail","part":"{{part}}"}""", ct);
        await tx.CommitAsync(ct);
        return (PackCodeCheck.Accepted, null);
    }
}
