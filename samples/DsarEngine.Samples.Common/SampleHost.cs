using DsarEngine.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DsarEngine.Samples.Common;

// The wiring every sample connector shares: its database, its processed-task memory, the SDK.
public static class SampleHost
{
    // The schema (a hosted service that creates and seeds it) starts before the bus: hosted services start in order.
    public static IServiceCollection AddSampleConnector<THandlers, TSchema>(
        this IServiceCollection services, SampleSettings settings, string schema)
        where THandlers : class where TSchema : class, IHostedService
    {
        services.AddHostedService<TSchema>();
        var db = new NpgsqlDataSourceBuilder(settings.ConnectionString)
        {
            ConnectionStringBuilder = { ApplicationName = $"sample-{settings.Name}" },
        }.Build();
        services.AddSingleton(new SampleDatabase(db, schema) { WorkDelay = settings.WorkDelay });
        services.AddSingleton<IProcessedTasks>(new PgProcessedTasks(db, schema));
        return services.AddDsarConnector<THandlers>(o =>
        {
            (o.Name, o.Broker, o.EngineUser) = (settings.Name, settings.Broker, settings.EngineUser);
            o.ReplyExchange = settings.ReplyExchange;
            foreach (var tenant in settings.Tenants)
                o.Tenants.Add(tenant);
        });
    }

    // A sample service's Main: settings from configuration (Connector:Name, Connector:Tenants, Dsar:Bus:Url, ConnectionStrings:Samples).
    public static async Task RunAsync(string[] args, string defaultName, Action<IServiceCollection, SampleSettings> add)
    {
        var builder = Host.CreateApplicationBuilder(args);
        add(builder.Services, SampleSettings.From(builder.Configuration, defaultName));
        await builder.Build().RunAsync();
    }
}

// The sample's database and the schema it owns.
public sealed record SampleDatabase(NpgsqlDataSource DataSource, string Schema)
{
    public TimeSpan WorkDelay { get; init; }
}
