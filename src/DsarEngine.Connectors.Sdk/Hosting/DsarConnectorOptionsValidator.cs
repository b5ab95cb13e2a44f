using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace DsarEngine.Connectors.Hosting;

// Every message names the setting, the rule and what was found, so a misconfigured connector is fixed from the
// log alone. The broker URI is never echoed: it usually holds a password.
internal sealed partial class DsarConnectorOptionsValidator : IValidateOptions<DsarConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, DsarConnectorOptions options)
    {
        var errors = new List<string>();
        if (!NamePattern().IsMatch(options.Name ?? ""))
            errors.Add($"DsarConnectorOptions.Name must match ^[a-z0-9][a-z0-9-]{{1,62}}$ " +
                $"(2 to 63 lowercase letters, digits and hyphens, not starting with a hyphen); it was '{options.Name}'.");
        if (options.Tenants.Count is 0 or > 100)
            errors.Add($"DsarConnectorOptions.Tenants must name 1 to 100 organisations (tenant slugs) this connector serves; " +
                $"it named {options.Tenants.Count}.");
        foreach (var tenant in options.Tenants.Where(t => !NamePattern().IsMatch(t ?? "")))
            errors.Add($"DsarConnectorOptions.Tenants: '{tenant}' is not a tenant slug (^[a-z0-9][a-z0-9-]{{1,62}}$).");
        if (options.Tenants.Distinct().Count() != options.Tenants.Count)
            errors.Add("DsarConnectorOptions.Tenants names an organisation twice.");
        if (options.EngineUser is { Length: 0 or > 255 })
            errors.Add("DsarConnectorOptions.EngineUser must be 1 to 255 characters when set.");
        if (options.Broker is null)
            errors.Add("DsarConnectorOptions.Broker is required: the RabbitMQ URI, e.g. amqp://guest:guest@127.0.0.1:5672/.");
        else if (!options.Broker.IsAbsoluteUri || options.Broker.Scheme is not ("amqp" or "amqps"))
            errors.Add($"DsarConnectorOptions.Broker must be an absolute amqp:// or amqps:// URI; its scheme was " +
                $"'{(options.Broker.IsAbsoluteUri ? options.Broker.Scheme : "(none: relative URI)")}'.");
        if (options.ChunkBytes is < 1024 or > ExportUpload.DefaultChunkBytes)
            errors.Add($"DsarConnectorOptions.ChunkBytes must be between 1024 and {ExportUpload.DefaultChunkBytes} " +
                $"(1 KiB to 128 KiB); it was {options.ChunkBytes}.");
        if (options.ConcurrentTasks is < 1 or > 64)
            errors.Add($"DsarConnectorOptions.ConcurrentTasks must be between 1 and 64; it was {options.ConcurrentTasks}.");
        if (!ExchangePattern().IsMatch(options.ReplyExchange ?? ""))
            errors.Add("DsarConnectorOptions.ReplyExchange must be the engine's reply exchange, <prefix>dsar.replies " +
                $"(lowercase letters, digits, '.', '_' and '-'); it was '{options.ReplyExchange}'.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z0-9._-]{0,60}dsar\.replies$")]
    private static partial Regex ExchangePattern();
}
