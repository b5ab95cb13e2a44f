using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.CrmConnector;

// A sample connector service: owns a (fake, Bogus-seeded) CRM and does the engine's work in it.
//   Dsar__Bus__Url=amqp://guest:guest@127.0.0.1:56729/ Connector__Name=crm dotnet run --project samples/DsarEngine.Samples.CrmConnector
// (A class rather than top-level statements: those make a public global Program that clashes with the engine's.)
internal static class Program
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var name = builder.Configuration["Connector:Name"] ?? "crm";
        var url = builder.Configuration["Dsar:Bus:Url"]
            ?? throw new InvalidOperationException("Set Dsar:Bus:Url (e.g. Dsar__Bus__Url=amqp://guest:guest@127.0.0.1:56729/).");
        builder.Services.AddSingleton(new CrmData());
        builder.Services.AddCrmConnector(name, new Uri(url));
        await builder.Build().RunAsync();
    }
}

public static class CrmConnectorSetup
{
    // The connector listens on dsar-connector-<name>, the queue the engine's fan-out sends to.
    public static IServiceCollection AddCrmConnector(this IServiceCollection services, string name, Uri broker) =>
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<CrmConsumer>().Endpoint(e => e.Name = $"dsar-connector-{name}");
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker);
                rabbit.ConfigureEndpoints(context);
            });
        });
}
