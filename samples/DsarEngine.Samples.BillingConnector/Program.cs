using DsarEngine.Samples.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.BillingConnector;

// A sample connector service: billing over its own PostgreSQL schema (billing): invoices kept 10 years, answering the engine through the SDK.
//   Dsar__Bus__Url=amqp://guest:guest@127.0.0.1:56729/ ConnectionStrings__Samples='Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar_samples' \
//   dotnet run --project samples/DsarEngine.Samples.BillingConnector
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var (name, broker, connectionString, delay) = SampleHost.Settings(builder.Configuration, "billing");
        builder.Services.AddBillingConnector(name, broker, connectionString, delay);
        await builder.Build().RunAsync();
    }
}

public static class BillingConnectorSetup
{
    // The schema is created and seeded before the bus starts (hosted services start in order).
    public static IServiceCollection AddBillingConnector(this IServiceCollection services, string name, Uri broker, string connectionString, TimeSpan workDelay = default)
    {
        services.AddHostedService<BillingSchema>();
        return services.AddSampleConnector<BillingHandlers>(name, broker, connectionString, BillingSchema.Name, workDelay);
    }
}
