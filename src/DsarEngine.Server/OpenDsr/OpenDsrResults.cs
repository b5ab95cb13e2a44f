using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using MassTransit;

namespace DsarEngine.Server.OpenDsr;

// A processor's OpenDSR status, as the replies a bus connector sends.
internal static class OpenDsrResults
{
    public static Task PublishAsync(
        ISendEndpoint bus, TaskReference task, string status, JsonObject? extension, string processor, CancellationToken ct)
    {
        var reply = Reply(task, status, extension, processor);
        return bus.Send(reply, reply.GetType(), ct);
    }

    public static object Reply(TaskReference task, string status, JsonObject? extension, string processor)
    {
        if (IsDenied(extension))
            return new ConnectorTaskFailed(task, false, "denied",
                $"The processor {processor} refused: " +
                $"{string.Join(", ", (extension!["reason_codes"] as JsonArray ?? []).Select(c => (string?)c))}.");
        return status switch
        {
            "completed" => new ConnectorTaskCompleted(
                task, TaskOutcomes.Done, $"The processor {processor} completed the request (OpenDSR).", [], [], null),
            "cancelled" => new ConnectorTaskFailed(task, false, "cancelled", $"The request at {processor} was cancelled."),
            _ => new ConnectorTaskProgressed(task, status, null),
        };
    }

    // One id per task, attempt and status reported: a processor that sends the same status callback twice (or someone
    // replaying it) adds nothing; each new status is a new reply.
    public static Guid ReplyId(TaskReference task, string status, JsonObject? extension) =>
        DsarEngine.Workflows.Runtime.DeterministicId.From("opendsr-callback", task.Tenant, task.Connector, task.TaskId.ToString(),
            task.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), IsDenied(extension) ? "denied" : status);

    private static bool IsDenied(JsonObject? extension) =>
        extension?["status"] is JsonValue value && value.TryGetValue<string>(out var s) && s == "denied";

    // OpenDSR asks for a lowercase UUID v4; the task id is derived (stable for retries), so it is given the v4 shape.
    public static Guid SubjectRequestId(Guid taskId)
    {
        var bytes = taskId.ToByteArray(bigEndian: true);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
