using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DsarEngine.Server.OpenDsr;

// Delivering due callbacks, signed over the exact bytes stored. A failure is written back with the next attempt's
// time: the database is the retry layer (§ 8.5 "SHOULD retry"), Polly only times calls out and breaks circuits.
internal sealed partial class OpenDsrCallbackWorker
{
    private const int MaxAttempts = 15;

    private sealed record Due(Guid Id, string Url, string Body, int Attempts)
    {
        private Due() : this(default, "", "", 0) { }
    }

    private const string DueSql = """
        SELECT id, url, body, attempts FROM opendsr_callbacks
        WHERE delivered_at IS NULL AND attempts < @MaxAttempts AND next_attempt_at <= @Now
        ORDER BY next_attempt_at LIMIT 20 FOR UPDATE SKIP LOCKED
        """;

    private const string AttemptedSql = """
        UPDATE opendsr_callbacks SET attempts = attempts + 1, delivered_at = CASE WHEN @Error::text IS NULL THEN @Now END,
            last_error = @Error, next_attempt_at = @Next WHERE id = @Id
        """;

    private async Task DeliverAsync(CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var due = await c.QueryAsync<Due>(new CommandDefinition(DueSql, new { MaxAttempts, Now = now }, tx, cancellationToken: ct));
        foreach (var callback in due)
        {
            var error = await SendAsync(callback, ct);
            // Backoff 10 s, 20 s, 40 s … capped at an hour; after MaxAttempts the row stays as the record of the failure.
            var backoff = TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, callback.Attempts)));
            await c.ExecuteAsync(new CommandDefinition(
                AttemptedSql, new { callback.Id, Error = error, Now = now, Next = now + backoff }, tx, cancellationToken: ct));
            if (error is not null)
                log.LogWarning("OpenDSR callback {CallbackId} failed ({Error}), attempt {Attempt}",
                    callback.Id, error, callback.Attempts + 1);
        }
        await tx.CommitAsync(ct);
    }

    // Null when the controller took it (2xx); otherwise why not, without the URL or body (they may identify the subject).
    private async Task<string?> SendAsync(Due callback, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(callback.Body);
        var signature = signer.Sign(bytes);
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await pipelines.For(new Uri(callback.Url)).ExecuteAsync(async token =>
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, callback.Url) { Content = new ByteArrayContent(bytes) };
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                message.Headers.Add(OpenDsrSigner.DomainHeader, options.Value.Domain);
                message.Headers.Add(OpenDsrSigner.SignatureHeader, signature);
                // Headers only: the controller's answer body is never read (disposing the response drops it unread).
                return await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
            }, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (BrokenCircuitException) { return "circuit-open"; }
        catch (TimeoutRejectedException) { return "timeout"; }
        catch (HttpRequestException ex) when (Connectors.Egress.EgressRefusedException.Caused(ex))
        {
            return Connectors.Egress.EgressRefusedException.Code;
        }
        catch (HttpRequestException ex) { return $"unreachable ({ex.HttpRequestError})"; }
        catch (UriFormatException) { return "bad-url"; }
    }
}
