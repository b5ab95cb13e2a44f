using Dapper;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Conversations;

internal enum DeliveryState { Received, Queued, Retrying, Sent, Undeliverable }

// One message as the request page's Messages panel shows it, with where its e-mail stands.
internal sealed record MessageView(Guid Id, string Direction, string Purpose, string Author, DateTimeOffset CreatedAt, string Text,
    bool ClockStopped, DeliveryState Delivery, DateTimeOffset? SentAt, int Attempts)
{
    public string DeliveryLabel => Delivery switch
    {
        DeliveryState.Received => "Received from the subject",
        DeliveryState.Queued => "Waiting to be sent",
        DeliveryState.Retrying => $"Not sent yet: {Attempts} attempt{(Attempts == 1 ? "" : "s")} failed, trying again",
        DeliveryState.Sent => $"Sent {SentAt:yyyy-MM-dd HH:mm} UTC",
        _ => "Not delivered: the mail server refused it; an admin can send it again from the mailbox",
    };
}

internal sealed partial class MessageStore
{
    private sealed record Row(Guid Id, Guid TenantId, string Direction, string Purpose, string Author, DateTimeOffset CreatedAt,
        string KeyId, byte[] Nonce, byte[] Sealed, bool ClockStopped, Guid? MailId, DateTimeOffset? SentAt, DateTimeOffset? DeadAt,
        int? Attempts)
    {
        private Row() : this(default, default, "", "", "", default, "", [], [], false, null, null, null, null) { }
    }

    private const string ListSql = """
        SELECT r.id, r.tenant_id, r.direction, r.purpose, r.author, r.created_at, r.key_id, r.nonce, r.sealed, r.clock_stopped,
            r.mail_id, m.sent_at, m.dead_at, m.attempts
        FROM request_messages r LEFT JOIN mail_messages m ON m.id = r.mail_id
        WHERE r.tenant_id = @TenantId AND r.request_id = @RequestId ORDER BY r.created_at DESC, r.id DESC LIMIT @Limit
        """;

    // Newest first, both directions.
    public async Task<IReadOnlyList<MessageView>> ListAsync(StoredRequest request, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            ListSql, new { request.TenantId, RequestId = request.Id, Limit = limit }, cancellationToken: ct));
        return [.. rows.Select(r => new MessageView(r.Id, r.Direction, r.Purpose, r.Author, r.CreatedAt,
            seal.Open(r.KeyId, r.Nonce, r.Sealed, r.TenantId, r.Id), r.ClockStopped, State(r), r.SentAt, r.Attempts ?? 0))];
    }

    private static DeliveryState State(Row r) =>
        r.MailId is null ? DeliveryState.Received
        : r.SentAt is not null ? DeliveryState.Sent
        : r.DeadAt is not null ? DeliveryState.Undeliverable
        : r.Attempts > 0 ? DeliveryState.Retrying
        : DeliveryState.Queued;
}
