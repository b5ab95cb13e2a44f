using System.Text;
using DsarEngine.Samples.NewsletterSaas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Server.Tests.TestData;

internal static class HttpSecret
{
    public const string Ref = "newsletter-test";
    public const string Value = "test-only-secret-of-the-newsletter-simulator-0123456789";
}

// The newsletter SaaS simulator on a real loopback port; callbacks go to the engine under test through its handler.
internal sealed class NewsletterService : IAsyncDisposable
{
    private readonly WebApplication app;

    // Qualified: the test project also has a Faults namespace (the fault suites).
    public DsarEngine.Samples.NewsletterSaas.Faults Faults { get; } = new();

    public Uri Url { get; private set; } = null!;

    private NewsletterService(HttpMessageHandler? callbacks) =>
        app = NewsletterApp.Build("http://127.0.0.1:0", Encoding.UTF8.GetBytes(HttpSecret.Value), Faults, callbacks);

    public static async Task<NewsletterService> StartAsync(HttpMessageHandler? callbacks = null, string mode = "sync")
    {
        var service = new NewsletterService(callbacks);
        service.Faults.Mode = mode;
        await service.app.StartAsync();
        service.Url = new Uri(service.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First());
        return service;
    }

    // The operator's part: the simulator's secret, for this tenant, bound to this simulator's endpoint.
    public void Provision(EngineFactory engine, TestTenant tenant) =>
        engine.Settings.ProvisionSecret(tenant.Slug, HttpSecret.Ref, HttpSecret.Value, Url);

    public object Registration(params string[] actions) => new
    {
        kind = "http", displayName = "Newsletter", actions,
        http = new { endpoint = Url.ToString(), secretRef = HttpSecret.Ref, resultMode = Faults.Mode },
    };

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
