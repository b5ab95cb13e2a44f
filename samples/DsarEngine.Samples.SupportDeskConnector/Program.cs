using DsarEngine.Samples.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.SupportDeskConnector;

// A sample connector service: a support desk over its own PostgreSQL schema (support): tickets with free text, answering the engine through the SDK.
//   Dsar__Bus__Url=amqp://guest:guest@127.0.0.1:56729/ ConnectionStrings__Samples='Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar_samples' \
//   dotnet run --project samples/DsarEngine.Samples.SupportDeskConnector
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var (name, broker, connectionString, delay) = SampleHost.Settings(builder.Configuration, "support-desk");
        builder.Services.AddSupportDeskConnector(name, broker, connectionString, delay);
        await builder.Build().RunAsync();
    }
}

public static class SupportDeskConnectorSetup
{
    // The schema is created and seeded before the bus starts (hosted services start in order).
    public static IServiceCollection AddSupportDeskConnector(this IServiceCollection services, string name, Uri broker, string connectionString, TimeSpan workDelay = default)
    {
        services.AddHostedService<SupportSchema>();
        return services.AddSampleConnector<SupportHandlers>(name, broker, connectionString, SupportSchema.Name, workDelay);
    }
}
