using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using MassTransit;

namespace DsarEngine.Server.OpenDsr;

// A processor's OpenDSR status, as the replies a bus connector sends.
internal static class OpenDsrResults
{
    public static Task PublishAsync(ISendEndpoint bus, TaskReference task, string status, JsonObject? extension, string processor, CancellationToken ct)
    {
        if (extension?["status"]?.GetValue<string>() == "denied")
            return bus.Send(new ConnectorTaskFailed(task, false, "denied",
                $"The processor {processor} refused: {string.Join(", ", (extension["reason_codes"] as JsonArray ?? []).Select(c => (string?)c))}."), ct);
        return status switch
        {
            "completed" => bus.Send(new ConnectorTaskCompleted(task, TaskOutcomes.Done, $"The processor {processor} completed the request (OpenDSR).", [], [], null), ct),
            "cancelled" => bus.Send(new ConnectorTaskFailed(task, false, "cancelled", $"The request at {processor} was cancelled."), ct),
            _ => bus.Send(new ConnectorTaskProgressed(task, status, null), ct),
        };
    }

    // OpenDSR asks for a lowercase UUID v4; the task id is derived (stable for retries), so it is given the v4 shape.
    public static Guid SubjectRequestId(Guid taskId)
    {
        var bytes = taskId.ToByteArray(bigEndian: true);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
