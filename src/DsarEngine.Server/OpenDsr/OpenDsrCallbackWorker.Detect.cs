using Dapper;
using DsarEngine.Server.Workflow;

namespace DsarEngine.Server.OpenDsr;

// Finding status changes: open links are walked in pages behind a cursor that wraps round, so that every open
// request is looked at even when there are more than one page of them (a fixed "oldest 100" would starve the rest).
internal sealed partial class OpenDsrCallbackWorker
{
    private const int PageSize = 100;
    private (DateTimeOffset At, string Controller, Guid Id)? cursor;

    private const string OpenSql = """
        SELECT controller_id, subject_request_id, tenant_id, request_id, callback_urls, last_status, received_at, cancelled_at
        FROM opendsr_requests
        WHERE last_status NOT IN ('completed', 'cancelled')
          AND (@At::timestamptz IS NULL
               OR (received_at, controller_id, subject_request_id) > (@At::timestamptz, @Controller::text, @Id::uuid))
        ORDER BY received_at, controller_id, subject_request_id LIMIT @PageSize FOR UPDATE SKIP LOCKED
        """;

    private const string QueueSql = """
        INSERT INTO opendsr_callbacks (id, tenant_id, url, body, next_attempt_at, created_at)
        VALUES (@Id, @TenantId, @Url, @Body, @Now, @Now)
        """;

    private const string ReportedSql = """
        UPDATE opendsr_requests SET last_status = @Status WHERE controller_id = @ControllerId AND subject_request_id = @SubjectRequestId
        """;

    private async Task DetectAsync(CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var page = (await c.QueryAsync<OpenDsrLink>(new CommandDefinition(OpenSql,
            new { At = cursor?.At, Controller = cursor?.Controller, Id = cursor?.Id, PageSize }, tx, cancellationToken: ct))).ToList();
        cursor = page.Count < PageSize ? null : (page[^1].ReceivedAt, page[^1].ControllerId, page[^1].SubjectRequestId);
        foreach (var link in page)
        {
            if (await requests.FindByIdAsync(link.TenantId, link.RequestId, ct) is not { } request)
                continue;
            var instance = await InstanceRows.FindAsync(c, link.TenantId, link.RequestId, ct);
            var (status, extension) = OpenDsrStatuses.Of(request.Status, link.CancelledAt, instance);
            if (status == link.LastStatus)
                continue;
            var (resultsUrl, resultsCount) = await OpenDsrResultLinks.ForAsync(packs, request, instance, status, extension is not null,
                link.SubjectRequestId.ToString("D"), intake.Value.PublicBaseUrl, ct);
            foreach (var url in link.CallbackUrls)
            {
                var body = OpenDsrJson.Bytes(new OpenDsrCallback(
                    link.ControllerId, request.DueAt, url, link.SubjectRequestId.ToString("D"), status,
                    OpenDsrStatuses.Extensions(options.Value.Domain, extension)) { ResultsUrl = resultsUrl, ResultsCount = resultsCount });
                await c.ExecuteAsync(new CommandDefinition(QueueSql, new { Id = Guid.CreateVersion7(now), link.TenantId, Url = url,
                    Body = System.Text.Encoding.UTF8.GetString(body), Now = now }, tx, cancellationToken: ct));
            }
            await c.ExecuteAsync(new CommandDefinition(
                ReportedSql, new { Status = status, link.ControllerId, link.SubjectRequestId }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }
}
