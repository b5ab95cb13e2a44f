using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Platform;

internal sealed class DatabaseOptions
{
    public const string SectionName = "Dsar:Database";

    // Npgsql connection string, e.g. "Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar;Database=dsar".
    [Required(ErrorMessage = "Dsar:Database:ConnectionString is required (an Npgsql connection string).")]
    public string ConnectionString { get; set; } = "";
}

internal sealed class BusOptions
{
    public const string SectionName = "Dsar:Bus";

    // RabbitMQ URL, e.g. "amqp://guest:guest@127.0.0.1:56729/".
    [Required(ErrorMessage = "Dsar:Bus:Url is required (an amqp:// URL of the RabbitMQ broker).")]
    [RegularExpression("^amqps?://.+", ErrorMessage = "Dsar:Bus:Url must be an amqp:// or amqps:// URL.")]
    public string Url { get; set; } = "";

    // Prefix of this engine cluster's own queue names (default none). Engines sharing one database share it;
    // a separate cluster on the same broker (another environment, or a test) uses another.
    [RegularExpression("^[a-z0-9_.-]{0,60}$",
        ErrorMessage = "Dsar:Bus:EndpointPrefix may hold lowercase letters, digits, '.', '_' and '-' (at most 60).")]
    public string EndpointPrefix { get; set; } = "";
}

internal sealed class IntakeOptions
{
    public const string SectionName = "Dsar:Intake";

    // Largest accepted JSON body. Default 64 KiB: a request is a few hundred bytes; details are capped at 10,000 characters.
    [Range(4096, 1_048_576, ErrorMessage = "Dsar:Intake:MaxBodyBytes must be between 4096 and 1048576.")]
    public int MaxBodyBytes { get; set; } = 65_536;

    // Public submissions allowed per client address per minute (default 20).
    [Range(1, 1_000_000, ErrorMessage = "Dsar:Intake:PublicPermitsPerMinute must be between 1 and 1000000.")]
    public int PublicPermitsPerMinute { get; set; } = 20;

    // Public status reads allowed per client address per minute (default 120).
    [Range(1, 1_000_000, ErrorMessage = "Dsar:Intake:StatusPermitsPerMinute must be between 1 and 1000000.")]
    public int StatusPermitsPerMinute { get; set; } = 120;

    // Base URL put into links sent to subjects (status links, later the portal).
    [Required(ErrorMessage = "Dsar:Intake:PublicBaseUrl is required (the URL subjects reach the engine at).")]
    [Url(ErrorMessage = "Dsar:Intake:PublicBaseUrl must be an absolute http(s) URL.")]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
