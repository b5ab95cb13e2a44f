using DsarEngine.Server.Workflow;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Packs;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.OpenDsr;

// OpenDSR § 8.5: every callback URL hears of every status change. Changes are found by comparing each open link's
// last reported status with its request; the callbacks are rows (written with the new status in one transaction)
// delivered with a timeout and retried with backoff from the database, so none is lost to a restart.
internal sealed partial class OpenDsrCallbackWorker(NpgsqlDataSource dataSource, OpenDsrSigner signer, IHttpClientFactory clients,
    OpenDsrCallbackPipelines pipelines, RequestStore requests, PackStore packs, IOptions<OpenDsrOptions> options,
    IOptions<Platform.IntakeOptions> intake, IOptions<RuntimeOptions> runtime,
    TimeProvider clock, ILogger<OpenDsrCallbackWorker> log) : BackgroundService
{
    public const string ClientName = "dsar-opendsr";

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
}
