using DsarEngine.Samples.Common;
using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Samples.SupportDeskConnector;

// A sample connector service: a support desk over its own PostgreSQL schema (support): tickets with free text, answering the engine through the SDK.
//   Dsar__Bus__Url=amqp://guest:guest@127.0.0.1:56729/ ConnectionStrings__Samples='Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar_samples' \
//   dotnet run --project samples/DsarEngine.Samples.SupportDeskConnector
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static Task Main(string[] args) =>
        SampleHost.RunAsync(args, "support-desk", (services, s) => services.AddSupportDeskConnector(s.Name, s.Broker, s.ConnectionString, s.WorkDelay));
}

public static class SupportDeskConnectorSetup
{
    public static IServiceCollection AddSupportDeskConnector(this IServiceCollection services, string name, Uri broker, string connectionString, TimeSpan workDelay = default) =>
        services.AddSampleConnector<SupportHandlers, SupportSchema>(name, broker, connectionString, SupportSchema.Name, workDelay);
}
