using DsarEngine.Server.Workflow;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Retention;

// Runs the purge once a minute after start-up, then every Dsar:Retention:IntervalMinutes (daily by default). Waits on the
// engine's TimeProvider, so tests that fake the clock decide when it runs. A failed run is logged and tried at the next.
internal sealed class RetentionWorker(RetentionPurge purge, IOptions<RetentionOptions> options, IOptions<RuntimeOptions> runtime,
    TimeProvider clock, ILogger<RetentionWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A web-only node (Dsar:Runtime:Workers=false) runs no background work.
        if (!options.Value.Enabled || !runtime.Value.Workers)
            return;
        var wait = TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(wait, clock, stoppingToken);
            wait = TimeSpan.FromMinutes(options.Value.IntervalMinutes);
            try
            {
                await purge.RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Retention purge failed; trying again at the next run");
            }
        }
    }
}
