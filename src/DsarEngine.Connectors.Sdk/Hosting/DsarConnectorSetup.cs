using Microsoft.Extensions.DependencyInjection;

namespace DsarEngine.Connectors;

/// <summary>Settings of a connector service.</summary>
public sealed class DsarConnectorOptions
{
    /// <summary>The connector's registered name; it listens on <c>dsar-connector-&lt;name&gt;</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The RabbitMQ broker, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public Uri? Broker { get; set; }

    /// <summary>Largest export chunk, 1 KiB to 128 KiB (default 128 KiB).</summary>
    public int ChunkBytes { get; set; } = ExportUpload.DefaultChunkBytes;

    /// <summary>Commands handled at once (default 4).</summary>
    public int ConcurrentTasks { get; set; } = 4;
}

/// <summary>Registers a connector service.</summary>
public static class DsarConnectorSetup
{
    /// <summary>
    /// Make this service a DsarEngine connector: <typeparamref name="THandlers"/> implements one handler interface per
    /// supported action (<see cref="IExportHandler"/>, <see cref="IEraseHandler"/>, …). The SDK consumes the commands,
    /// deduplicates them (<see cref="IProcessedTasks"/>), reports progress, maps errors to failures and uploads exports.
    /// </summary>
    public static IServiceCollection AddDsarConnector<THandlers>(this IServiceCollection services, Action<DsarConnectorOptions> configure)
        where THandlers : class
    {
        // Implemented by the SDK hosting work in progress (issue 5); the signature is the contract samples code against.
        throw new NotImplementedException();
    }
}
