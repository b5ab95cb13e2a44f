using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DsarEngine.Server.Connectors.Http;

// One resilience pipeline per connector: a timeout and a circuit breaker, and deliberately no retry (the engine's own
// backoff resends a retryable failure later; two retry layers would multiply the load on a struggling SaaS).
internal sealed class HttpPipelines(IOptions<HttpConnectorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> For(string tenant, string connector) =>
        pipelines.GetOrAdd($"{tenant}/{connector}", _ => Build(options.Value));

    private ResiliencePipeline<HttpResponseMessage> Build(HttpConnectorOptions o) => new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = o.FailureRatio,
            MinimumThroughput = o.MinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, o.BreakSeconds)),
            BreakDuration = TimeSpan.FromSeconds(o.BreakSeconds),
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>().Handle<TimeoutRejectedException>()
                .HandleResult(r => (int)r.StatusCode >= 500),
        })
        .AddTimeout(TimeSpan.FromSeconds(o.TimeoutSeconds))
        .Build();
}
