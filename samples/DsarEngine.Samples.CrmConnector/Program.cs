using DsarEngine.Samples.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DsarEngine.Samples.CrmConnector;

// A sample connector service: a CRM over its own PostgreSQL schema (crm), answering the engine through the SDK.
//   Connector__Tenants=demo Dsar__Bus__Url=amqp://<its broker user>:<password>@127.0.0.1:56729/ \
//   ConnectionStrings__Samples='Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar_samples' \
//   dotnet run --project samples/DsarEngine.Samples.CrmConnector
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static Task Main(string[] args) =>
        SampleHost.RunAsync(args, "crm", (services, s) => services.AddCrmConnector(s));
}

public static class CrmConnectorSetup
{
    public static IServiceCollection AddCrmConnector(this IServiceCollection services, SampleSettings settings)
    {
        services.AddSampleConnector<CrmHandlers, CrmSchema>(settings, CrmSchema.Name);
        // Seed 002: children's data is deleted; the CRM reports the children it finds (CrmChildScan).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new CrmChildPolicy(settings.Tenants));
        services.AddSingleton<CrmChildScan>();
        return services.AddHostedService(sp => sp.GetRequiredService<CrmChildScan>());
    }
}
