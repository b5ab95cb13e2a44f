using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

public sealed class ProgressTests
{
    [Test]
    public async Task Acknowledged_comes_first_then_the_handler_s_progress_then_the_final_reply()
    {
        var script = new HandlerScript
        {
            Erase = async (_, context, _) =>
            {
                await context.ReportProgressAsync("erasing", 50, CancellationToken.None);
                return TaskResult.Done("Profile erased.");
            },
        };
        await using var connector = await ConnectorHost.StartAsync(script);
        var command = Commands.Erase(connector.Name);

        await connector.SendAsync(command);
        var replies = await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replies, Has.Count.EqualTo(3));
            Assert.That(replies[0], Is.EqualTo(new ConnectorTaskProgressed(command.Task, "acknowledged", null)));
            Assert.That(replies[1], Is.EqualTo(new ConnectorTaskProgressed(command.Task, "erasing", 50)));
            Assert.That(replies[2], Is.TypeOf<ConnectorTaskCompleted>());
        }
    }
}
