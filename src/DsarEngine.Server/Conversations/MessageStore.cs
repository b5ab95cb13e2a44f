using System.Text.Json;
using Dapper;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Journal;
using Npgsql;

namespace DsarEngine.Server.Conversations;

internal static class MessageDirections
{
    public const string ToSubject = "to-subject";
    public const string FromSubject = "from-subject";
}

internal static class MessagePurposes
{
    public const string Message = "message";
    public const string MoreInformation = "more-information";
    public const string Reply = "reply";
}

// What is written in one message, and where: always inside the caller's transaction, so the row, the e-mail in the outbox
// and the journal entry commit together with whatever else the caller does (a clock stop) or not at all.
internal sealed record NewMessage(
    Guid Id, string Direction, string Purpose, string Author, string Text, bool ClockStopped, MailDraft? Mail, DateTimeOffset Now);

// The conversation with the subject: each text sealed in request_messages; a message to the subject goes out through
// the mail outbox (SmtpDelivery), whose row gives its delivery state.
internal sealed partial class MessageStore(NpgsqlDataSource dataSource, TextSeal seal)
{
    private const string InsertSql = """
        INSERT INTO request_messages (id, tenant_id, request_id, direction, purpose, author, mail_id, clock_stopped, key_id, nonce,
            sealed, sha256, created_at)
        VALUES (@Id, @TenantId, @RequestId, @Direction, @Purpose, @Author, @MailId, @ClockStopped, @KeyId, @Nonce, @Sealed, @Sha256, @Now)
        """;

    public async Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, StoredRequest request, NewMessage message, CancellationToken ct)
    {
        var sealedText = seal.Seal(message.Text, request.TenantId, message.Id);
        if (message.Mail is { } mail)
            await MailboxStore.EnqueueAsync(c, tx, request.TenantId, request.Id, mail, message.Now, ct);
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            message.Id, request.TenantId, RequestId = request.Id, message.Direction, message.Purpose, message.Author,
            MailId = message.Mail?.Id, message.ClockStopped, sealedText.KeyId, sealedText.Nonce, sealedText.Sealed,
            sealedText.Sha256, message.Now,
        }, tx, cancellationToken: ct));
        // Who wrote which message, for what, and the digest of its text; never the text or the address.
        var kind = message.Direction == MessageDirections.ToSubject ? JournalKinds.MessageSent : JournalKinds.SubjectReplied;
        await JournalStore.AppendEventAsync(c, tx, request.TenantId, request.Id, message.Now, message.Author, kind,
            JsonSerializer.Serialize(new
            {
                messageId = message.Id, purpose = message.Purpose, mailId = message.Mail?.Id, clockStopped = message.ClockStopped,
                sha256 = sealedText.Sha256,
            }), ct);
    }

    public async Task WriteAsync(StoredRequest request, NewMessage message, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await WriteAsync(c, tx, request, message, ct);
        await tx.CommitAsync(ct);
    }

    private const string TextSql = """
        SELECT key_id, nonce, sealed FROM request_messages WHERE tenant_id = @TenantId AND id = @Id
        """;

    private sealed record TextRow(string KeyId, byte[] Nonce, byte[] Sealed)
    {
        private TextRow() : this("", [], []) { }
    }

    // The text of one message of the organisation, for the e-mail that carries it (unsealed only when it is sent).
    public async Task<string?> TextAsync(Guid tenantId, Guid id, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<TextRow>(
            new CommandDefinition(TextSql, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
        return row is null ? null : seal.Open(row.KeyId, row.Nonce, row.Sealed, tenantId, id);
    }
}
