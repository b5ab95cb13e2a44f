using System.Security.Cryptography;
using DsarEngine.Server;
using DsarEngine.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DsarEngine.Benchmarks;

// The real engine on Kestrel (a real socket on loopback), configured like eng/run.sh but with a workflow
// that needs no person, so workflows can be timed end to end.
internal static class EngineHost
{
    public const string AutoDefinition = """
        { "id": "access-auto", "version": 1, "rights": ["access"], "clock": { "remindDaysBefore": [7], "escalateDaysAfter": 0 },
          "steps": [ { "id": "acknowledge", "type": "acknowledge" }, { "id": "export", "type": "fan-out", "action": "export", "timeoutHours": 24 },
                     { "id": "deliver", "type": "deliver" }, { "id": "close", "type": "close" } ] }
        """;

    public static async Task<(WebApplication App, Uri Address)> StartAsync(string connectionString, string prefix, string definitions)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dsar:Database:ConnectionString"] = connectionString,
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl,
            ["Dsar:Bus:EndpointPrefix"] = prefix,
            ["Dsar:Security:TokenKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Dsar:Intake:PublicPermitsPerMinute"] = "1000000",
            ["Dsar:Runtime:DefinitionsPath"] = definitions,
            ["Dsar:Demo:Seed"] = "true",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDsarEngine();
        var app = builder.Build();
        await app.PrepareAsync();
        app.UseDsarEngine();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }

    public static string DefinitionsFolder()
    {
        var folder = Directory.CreateTempSubdirectory("dsar-bench-defs").FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "workflows", "definition.schema.json"), Path.Combine(folder, "definition.schema.json"));
        File.WriteAllText(Path.Combine(folder, "access-auto.json"), AutoDefinition);
        return folder;
    }
}
