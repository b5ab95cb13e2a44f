using DsarEngine.Server.Workflow;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.ContractEndings;

// Once a minute, on the engine's TimeProvider (tests that fake the clock decide when): tasks past their connector's
// timeout are recorded as timed out, so an end of contract never waits for ever and never counts silence as done; and
// the engine's copy of returned data is purged once its time is up (ContractEndingStore.PurgeReturnedCopiesAsync).
internal sealed class ContractEndingTimeouts(ContractEndingService service, ContractEndingStore store, IOptions<RuntimeOptions> runtime,
    TimeProvider clock, ILogger<ContractEndingTimeouts> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!runtime.Value.Workers)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            try
            {
                if (await service.TimeOutDueAsync(store, stoppingToken) is > 0 and var count)
                    log.LogInformation("{Count} end-of-contract tasks timed out", count);
                if (await store.PurgeReturnedCopiesAsync(clock.GetUtcNow(), stoppingToken) is > 0 and var purged)
                    log.LogInformation("The returned data of {Count} ends of contract was purged", purged);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "End-of-contract timeouts failed; trying again in a minute");
            }
        }
    }
}
