using System.Net.Http.Headers;
using Dapper;
using DsarEngine.Workflows.Persistence;
using DsarEngine.Workflows.Persistence.Runtime;
using DsarEngine.Server.Runtime;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.OpenDsr;

// OpenDSR § 8.5: every callback URL hears of every status change. Changes are found by comparing each open link's
// last reported status with its request; the callbacks are rows (written with the new status in one transaction)
// delivered with a timeout and retried with backoff from the database, so none is lost to a restart.
internal sealed class OpenDsrCallbackWorker(NpgsqlDataSource dataSource, OpenDsrSigner signer, IHttpClientFactory clients, RequestStore requests,
    IOptions<OpenDsrOptions> options, IOptions<RuntimeOptions> runtime, TimeProvider clock, ILogger<OpenDsrCallbackWorker> log) : BackgroundService
{
    public const string ClientName = "dsar-opendsr";
    private const int MaxAttempts = 15;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!signer.Enabled || !runtime.Value.Workers)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DetectAsync(stoppingToken);
                await DeliverAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "OpenDSR callback round failed; retrying");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.CallbackIntervalMilliseconds), clock, stoppingToken);
        }
    }

    private const string OpenSql = """
        SELECT controller_id, subject_request_id, tenant_id, request_id, callback_urls, last_status, received_at, cancelled_at
        FROM opendsr_requests WHERE last_status NOT IN ('completed', 'cancelled') ORDER BY received_at LIMIT 100 FOR UPDATE SKIP LOCKED
        """;

    private async Task DetectAsync(CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var link in await c.QueryAsync<OpenDsrLink>(new CommandDefinition(OpenSql, transaction: tx, cancellationToken: ct)))
        {
            if (await requests.FindByIdAsync(link.TenantId, link.RequestId, ct) is not { } request)
                continue;
            var (status, extension) = OpenDsrStatuses.Of(request.Status, link.CancelledAt, await InstanceRows.FindAsync(c, link.TenantId, link.RequestId, ct));
            if (status == link.LastStatus)
                continue;
            foreach (var url in link.CallbackUrls)
            {
                var body = OpenDsrJson.Bytes(new OpenDsrCallback(link.ControllerId, request.DueAt, url, link.SubjectRequestId.ToString("D"), status,
                    OpenDsrStatuses.Extensions(options.Value.Domain, extension)));
                await c.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO opendsr_callbacks (id, tenant_id, url, body, next_attempt_at, created_at) VALUES (@Id, @TenantId, @Url, @Body, @Now, @Now)
                    """, new { Id = Guid.CreateVersion7(now), link.TenantId, Url = url, Body = System.Text.Encoding.UTF8.GetString(body), Now = now }, tx, cancellationToken: ct));
            }
            await c.ExecuteAsync(new CommandDefinition("UPDATE opendsr_requests SET last_status = @status WHERE controller_id = @ControllerId AND subject_request_id = @SubjectRequestId",
                new { status, link.ControllerId, link.SubjectRequestId }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    private sealed record Due(Guid Id, string Url, string Body, int Attempts)
    {
        private Due() : this(default, "", "", 0) { }
    }

    private async Task DeliverAsync(CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var due = await c.QueryAsync<Due>(new CommandDefinition("""
            SELECT id, url, body, attempts FROM opendsr_callbacks WHERE delivered_at IS NULL AND attempts < @MaxAttempts AND next_attempt_at <= @now
            ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED
            """, new { MaxAttempts, now }, tx, cancellationToken: ct));
        var client = clients.CreateClient(ClientName);
        foreach (var callback in due)
        {
            string? error = null;
            try
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(callback.Body);
                using var message = new HttpRequestMessage(HttpMethod.Post, callback.Url) { Content = new ByteArrayContent(bytes) };
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                message.Headers.Add(OpenDsrSigner.DomainHeader, options.Value.Domain);
                message.Headers.Add(OpenDsrSigner.SignatureHeader, signer.Sign(bytes));
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(15));
                using var response = await client.SendAsync(message, timeout.Token);
                if (!response.IsSuccessStatusCode)
                    error = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                error = ex.GetType().Name;
            }
            // Backoff 10 s, 20 s, 40 s … capped at an hour; after MaxAttempts the row stays as the record of the failure.
            var backoff = TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, callback.Attempts)));
            await c.ExecuteAsync(new CommandDefinition("""
                UPDATE opendsr_callbacks SET attempts = attempts + 1, delivered_at = CASE WHEN @error::text IS NULL THEN @now END,
                    last_error = @error, next_attempt_at = @next WHERE id = @Id
                """, new { callback.Id, error, now, next = now + backoff }, tx, cancellationToken: ct));
            if (error is not null)
                log.LogWarning("OpenDSR callback {CallbackId} failed ({Error}), attempt {Attempt}", callback.Id, error, callback.Attempts + 1);
        }
        await tx.CommitAsync(ct);
    }
}
