using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DsarEngine.Server.OpenDsr;

// One pipeline per controller host for status callbacks: a timeout, and a circuit breaker so that one controller that
// is down does not hold every delivery round up. No retry here: undelivered callbacks are rows, retried with backoff.
internal sealed class OpenDsrCallbackPipelines(IOptions<OpenDsrOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> pipelines =
        new(StringComparer.OrdinalIgnoreCase);

    public ResiliencePipeline<HttpResponseMessage> For(Uri url) => pipelines.GetOrAdd(url.Authority, _ =>
        new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(60),
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>().Handle<TimeoutRejectedException>().HandleResult(r => (int)r.StatusCode >= 500),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.Value.CallbackTimeoutSeconds))
            .Build());
}
