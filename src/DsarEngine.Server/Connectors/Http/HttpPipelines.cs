using System.Collections.Concurrent;
using DsarEngine.Server.Connectors.Egress;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace DsarEngine.Server.Connectors.Http;

// One resilience pipeline per connector: a timeout and a circuit breaker, and deliberately no retry (the engine's own
// backoff resends a retryable failure later; two retry layers would multiply the load on a struggling SaaS). The
// timeout covers the whole answer, body included, so a service that drips its body cannot hold a consumer.
internal sealed class HttpPipelines(IOptions<HttpConnectorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<BoundedAnswer>> pipelines = new();

    public ResiliencePipeline<BoundedAnswer> For(string tenant, string connector) =>
        pipelines.GetOrAdd($"{tenant}/{connector}", _ => Build(options.Value));

    private ResiliencePipeline<BoundedAnswer> Build(HttpConnectorOptions o) =>
        new ResiliencePipelineBuilder<BoundedAnswer> { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<BoundedAnswer>
            {
                FailureRatio = o.FailureRatio,
                MinimumThroughput = o.MinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, o.BreakSeconds)),
                BreakDuration = TimeSpan.FromSeconds(o.BreakSeconds),
                ShouldHandle = new PredicateBuilder<BoundedAnswer>()
                    .Handle<HttpRequestException>().Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.Status >= 500),
            })
            .AddTimeout(TimeSpan.FromSeconds(o.TimeoutSeconds))
            .Build();
}
