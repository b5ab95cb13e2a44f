using System.Text.Json;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Server.Workflow;

// An outbox row as the relay claims it (constructor mapping is positional: keep the column order of the claim).
internal sealed record OutboxRow(Guid Id, string? Destination, string MessageType, string Body, int Attempts)
{
    private OutboxRow() : this(default, null, "", "", 0) { }
}

// A row ready for the broker: the message and the contract type it is sent as.
internal sealed record OutboxMessage(Guid Id, string? Destination, object Message, Type Type);

internal static class OutboxMessages
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The wire contracts of the SDK, and the engine's own commands to its pack renderer.
    private static readonly Dictionary<string, Type> Contracts = typeof(TaskReference).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "DsarEngine.Connectors.Contracts")
        .Append(typeof(Workflows.Packs.RenderResponsePack)).Append(typeof(Workflows.Packs.RenderNotice))
        .ToDictionary(t => t.FullName!);

    // A row that can never be sent (a type this version does not know, after a rolling upgrade; a body that no longer
    // fits its contract) says why; retrying it would only fail again. The reason names the type, never the body.
    public static bool TryDecode(OutboxRow row, out OutboxMessage message, out string poison)
    {
        message = null!;
        poison = "";
        if (!Contracts.TryGetValue(row.MessageType, out var type))
        {
            poison = $"unknown message type {row.MessageType}";
            return false;
        }
        try
        {
            if (JsonSerializer.Deserialize(row.Body, type, Json) is { } decoded)
            {
                message = new OutboxMessage(row.Id, row.Destination, decoded, type);
                return true;
            }
            poison = $"the body is null, not a {type.Name}";
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException)
        {
            poison = $"the body does not deserialise as {type.Name} ({ex.GetType().Name})";
        }
        return false;
    }
}
