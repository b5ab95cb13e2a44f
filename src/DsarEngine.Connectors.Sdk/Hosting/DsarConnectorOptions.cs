namespace DsarEngine.Connectors;

/// <summary>Settings of a connector service, checked when the host starts (a bad value stops it with a precise message).</summary>
public sealed class DsarConnectorOptions
{
    /// <summary>
    /// The connector's registered name: 2 to 63 lowercase letters, digits and hyphens, not starting with a hyphen
    /// (<c>^[a-z0-9][a-z0-9-]{1,62}$</c>).
    /// </summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The organisations (tenant slugs) this service works for: at least one, at most 100. For each, the service listens
    /// on <c>dsar.&lt;tenant&gt;.connector.&lt;name&gt;</c> (<see cref="DsarConnectorSetup.QueueName"/>), and it refuses
    /// any command that names another tenant or arrives on another tenant's queue. A connector service must never
    /// serve an organisation that did not register it.
    /// </summary>
    public IList<string> Tenants { get; } = [];

    /// <summary>The RabbitMQ broker, an <c>amqp://</c> or <c>amqps://</c> URI with the broker user the operator issued to this
    /// connector, e.g. <c>amqp://demo.crm:secret@127.0.0.1:5672/</c>. Required. Every message the service sends carries that
    /// user as its validated AMQP <c>user_id</c>, which the engine checks against the connector's registration.</summary>
    public Uri? Broker { get; set; }

    /// <summary>
    /// The engine's broker user. When set, a command whose validated AMQP <c>user_id</c> is not this user is refused
    /// (only the engine may give this connector work). Default: not checked (the broker's permissions decide who may
    /// write to the connector's queue).
    /// </summary>
    public string? EngineUser { get; set; }

    /// <summary>Largest export chunk, 1 KiB to 128 KiB (default 128 KiB, the engine's largest).</summary>
    public int ChunkBytes { get; set; } = ExportUpload.DefaultChunkBytes;

    /// <summary>Commands handled at once per tenant queue, 1 to 64 (default 4); also the number of messages fetched ahead.</summary>
    public int ConcurrentTasks { get; set; } = 4;

    /// <summary>
    /// The engine's reply exchange, where <see cref="DsarReports"/> sends what the connector reports unasked: the engine's
    /// <c>Dsar:Bus:EndpointPrefix</c> followed by <c>dsar.replies</c> (default <c>dsar.replies</c>, no prefix). Replies to
    /// commands need no setting: they go where the command says.
    /// </summary>
    public string ReplyExchange { get; set; } = "dsar.replies";
}
