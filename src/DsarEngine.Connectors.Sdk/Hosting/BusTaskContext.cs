using DsarEngine.Connectors.Contracts;
using MassTransit;

namespace DsarEngine.Connectors.Hosting;

// The TaskContext handlers get: progress goes out as ConnectorTaskProgressed through the consuming message's context.
// Replies go to the command's ResponseAddress (the engine that asked) when it names one, and are published otherwise.
internal sealed class BusTaskContext(ConsumeContext consume, TaskReference task) : TaskContext
{
    public override TaskReference Task { get; } = task;

    public override Task ReportProgressAsync(string stage, int? percent, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        if (percent is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "Progress is a percentage, 0 to 100.");
        return PublishAsync(new ConnectorTaskProgressed(Task, stage, percent), ct);
    }

    public async Task PublishAsync<T>(T message, CancellationToken ct) where T : class
    {
        try
        {
            if (consume.ResponseAddress is { } engine)
                await (await consume.GetSendEndpoint(engine)).Send(message, ct);
            else
                await consume.Publish(message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ReplyNotPublishedException(ex);
        }
    }
}
