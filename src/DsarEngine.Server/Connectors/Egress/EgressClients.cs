namespace DsarEngine.Server.Connectors.Egress;

// Named HttpClients for URLs that come from outside: the egress check before sending and at connect time, no redirects
// (a 3xx is an answer, never a second request to wherever it points), no proxy (the check must see the real
// destination, not the proxy), no cookies, and responses never buffered past a bound.
internal static class EgressClients
{
    public static IHttpClientBuilder AddEgressClient(
        this IServiceCollection services, string name, TimeSpan timeout, Func<IServiceProvider, int> maxResponseBytes) =>
        services.AddHttpClient(name)
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = timeout;
                client.MaxResponseContentBufferSize = maxResponseBytes(sp);
            })
            .AddHttpMessageHandler(sp => new EgressHandler(sp.GetRequiredService<EgressPolicy>()))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<EgressConnector>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectTimeout = TimeSpan.FromSeconds(15),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
}
