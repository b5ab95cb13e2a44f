using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Server.Tests.TestData;

// A real HTTP server on a loopback port that answers as the test scripts it and records what reached it: an
// attacker's listener, a misbehaving connector or processor, a redirect target.
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication app;

    public sealed record Received(string Method, string Path, string? Authorization);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    private ScriptedServer(WebApplication app) => this.app = app;

    public static async Task<ScriptedServer> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new ScriptedServer(builder.Build());
        server.app.Run(async context =>
        {
            server.Requests.Enqueue(
                new Received(context.Request.Method, context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault()));
            await answer(context);
        });
        await server.app.StartAsync();
        server.Url = new Uri(server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
