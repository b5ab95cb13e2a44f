using DsarEngine.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DsarEngine.Samples.Common;

// The wiring every sample connector shares: its database, its processed-task memory, the SDK.
public static class SampleHost
{
    // The schema (a hosted service that creates and seeds it) starts before the bus: hosted services start in order.
    public static IServiceCollection AddSampleConnector<THandlers, TSchema>(this IServiceCollection services, string name, Uri broker,
        string connectionString, string schema, TimeSpan workDelay = default) where THandlers : class where TSchema : class, IHostedService
    {
        services.AddHostedService<TSchema>();
        var db = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { ApplicationName = $"sample-{name}" } }.Build();
        services.AddSingleton(new SampleDatabase(db, schema) { WorkDelay = workDelay });
        services.AddSingleton<IProcessedTasks>(new PgProcessedTasks(db, schema));
        return services.AddDsarConnector<THandlers>(o => (o.Name, o.Broker) = (name, broker));
    }

    // A sample service's Main: settings from configuration (Connector:Name, Dsar:Bus:Url, ConnectionStrings:Samples).
    public static async Task RunAsync(string[] args, string defaultName, Action<IServiceCollection, (string Name, Uri Broker, string ConnectionString, TimeSpan WorkDelay)> add)
    {
        var builder = Host.CreateApplicationBuilder(args);
        add(builder.Services, Settings(builder.Configuration, defaultName));
        await builder.Build().RunAsync();
    }

    // Connector:WorkDelayMs slows every change down (inside its transaction), to watch a task in flight or kill it there.
    public static (string Name, Uri Broker, string ConnectionString, TimeSpan WorkDelay) Settings(Microsoft.Extensions.Configuration.IConfiguration config, string defaultName) =>
        (config["Connector:Name"] ?? defaultName,
         new Uri(config["Dsar:Bus:Url"] ?? throw new InvalidOperationException("Set Dsar:Bus:Url (e.g. Dsar__Bus__Url=amqp://guest:guest@127.0.0.1:56729/).")),
         config["ConnectionStrings:Samples"] ?? throw new InvalidOperationException(
             "Set ConnectionStrings:Samples (e.g. ConnectionStrings__Samples='Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar_samples')."),
         TimeSpan.FromMilliseconds(int.TryParse(config["Connector:WorkDelayMs"], out var ms) ? ms : 0));
}

// The sample's database and the schema it owns.
public sealed record SampleDatabase(NpgsqlDataSource DataSource, string Schema)
{
    public TimeSpan WorkDelay { get; init; }
}
