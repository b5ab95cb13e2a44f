using DsarEngine.Samples.Common;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Samples.BillingConnector;

// A sample connector service: billing over its own PostgreSQL schema (billing): invoices kept 10 years, answering the
// engine through the SDK.
//   Connector__Tenants=demo Dsar__Bus__Url=amqp://<its broker user>:<password>@127.0.0.1:56729/ \
//   ConnectionStrings__Samples='Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar_samples' \
//   dotnet run --project samples/DsarEngine.Samples.BillingConnector
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static Task Main(string[] args) =>
        SampleHost.RunAsync(args, "billing", (services, s) => services.AddBillingConnector(s));
}

public static class BillingConnectorSetup
{
    public static IServiceCollection AddBillingConnector(this IServiceCollection services, SampleSettings settings) =>
        services.AddSampleConnector<BillingHandlers, BillingSchema>(settings, BillingSchema.Name);
}
