using DsarEngine.Samples.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.CrmConnector;

// A sample connector service: a CRM over its own PostgreSQL schema (crm), answering the engine through the SDK.
//   Dsar__Bus__Url=amqp://guest:guest@127.0.0.1:56729/ ConnectionStrings__Samples='Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar_samples' \
//   dotnet run --project samples/DsarEngine.Samples.CrmConnector
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var (name, broker, connectionString, delay) = SampleHost.Settings(builder.Configuration, "crm");
        builder.Services.AddCrmConnector(name, broker, connectionString, delay);
        await builder.Build().RunAsync();
    }
}

public static class CrmConnectorSetup
{
    // The schema is created and seeded before the bus starts (hosted services start in order).
    public static IServiceCollection AddCrmConnector(this IServiceCollection services, string name, Uri broker, string connectionString, TimeSpan workDelay = default)
    {
        services.AddHostedService<CrmSchema>();
        return services.AddSampleConnector<CrmHandlers>(name, broker, connectionString, CrmSchema.Name, workDelay);
    }
}
