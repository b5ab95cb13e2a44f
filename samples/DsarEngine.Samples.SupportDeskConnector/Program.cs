using DsarEngine.Samples.Common;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Samples.SupportDeskConnector;

// A sample connector service: a support desk over its own PostgreSQL schema (support): tickets with free text,
// answering the engine through the SDK.
//   Connector__Tenants=demo Dsar__Bus__Url=amqp://<its broker user>:<password>@127.0.0.1:56729/ \
//   ConnectionStrings__Samples='Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar_samples' \
//   dotnet run --project samples/DsarEngine.Samples.SupportDeskConnector
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static Task Main(string[] args) =>
        SampleHost.RunAsync(args, "support-desk", (services, s) => services.AddSupportDeskConnector(s));
}

public static class SupportDeskConnectorSetup
{
    public static IServiceCollection AddSupportDeskConnector(this IServiceCollection services, SampleSettings settings) =>
        services.AddSampleConnector<SupportHandlers, SupportSchema>(settings, SupportSchema.Name);
}
