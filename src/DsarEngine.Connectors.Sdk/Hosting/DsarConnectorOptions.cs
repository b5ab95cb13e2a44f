namespace DsarEngine.Connectors;

/// <summary>Settings of a connector service, checked when the host starts (a bad value stops it with a precise message).</summary>
public sealed class DsarConnectorOptions
{
    /// <summary>
    /// The connector's registered name: 2 to 63 lowercase letters, digits and hyphens, not starting with a hyphen
    /// (<c>^[a-z0-9][a-z0-9-]{1,62}$</c>). It listens on the queue <c>dsar-connector-&lt;name&gt;</c>.
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>The RabbitMQ broker, an <c>amqp://</c> or <c>amqps://</c> URI, e.g. <c>amqp://guest:guest@127.0.0.1:5672/</c>. Required.</summary>
    public Uri? Broker { get; set; }

    /// <summary>Largest export chunk, 1 KiB to 128 KiB (default 128 KiB, the engine's largest).</summary>
    public int ChunkBytes { get; set; } = ExportUpload.DefaultChunkBytes;

    /// <summary>Commands handled at once, 1 to 64 (default 4); also the number of messages fetched ahead.</summary>
    public int ConcurrentTasks { get; set; } = 4;
}
