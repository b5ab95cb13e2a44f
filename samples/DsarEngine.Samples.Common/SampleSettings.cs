using Microsoft.Extensions.Configuration;

namespace DsarEngine.Samples.Common;

// What a sample connector service is told: its registered name, the organisations it serves (each registered it), its
// broker URI with the user the operator issued to it, its database, and optionally the engine's broker user.
public sealed record SampleSettings(string Name, IReadOnlyList<string> Tenants, Uri Broker, string ConnectionString)
{
    // Connector:WorkDelayMs slows every change down (inside its transaction), to watch a task in flight or kill it there.
    public TimeSpan WorkDelay { get; init; }

    public string? EngineUser { get; init; }

    // The engine's reply exchange for what the connector reports unasked (a child found): Connector:ReplyExchange.
    public string ReplyExchange { get; init; } = "dsar.replies";

    public static SampleSettings From(IConfiguration config, string defaultName) =>
        new(config["Connector:Name"] ?? defaultName,
            (config["Connector:Tenants"] ?? throw new InvalidOperationException(
                "Set Connector:Tenants: the organisations this connector serves (e.g. Connector__Tenants=demo)."))
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            new Uri(config["Dsar:Bus:Url"] ?? throw new InvalidOperationException(
                "Set Dsar:Bus:Url to the broker user issued to this connector " +
                "(e.g. Dsar__Bus__Url=amqp://demo.crm:<password>@127.0.0.1:56729/; eng/bus-users.sh).")),
            config["ConnectionStrings:Samples"] ?? throw new InvalidOperationException(
                "Set ConnectionStrings:Samples " +
                "(e.g. ConnectionStrings__Samples='Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar_samples')."))
        {
            WorkDelay = TimeSpan.FromMilliseconds(int.TryParse(config["Connector:WorkDelayMs"], out var ms) ? ms : 0),
            EngineUser = config["Connector:EngineUser"],
            ReplyExchange = config["Connector:ReplyExchange"] ?? "dsar.replies",
        };
}
