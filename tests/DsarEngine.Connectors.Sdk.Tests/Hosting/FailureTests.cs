using System.Data.Common;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

public sealed class FailureTests
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task A_connector_failure_exception_becomes_a_failure_with_its_code_reason_and_retryability(bool retryable)
    {
        var script = new HandlerScript
        {
            Erase = (_, _, _) => throw new ConnectorFailureException("legal-hold", "Litigation hold on the account.", retryable),
        };
        await using var connector = await ConnectorHost.StartAsync(script);
        var command = Commands.Erase(connector.Name);

        await connector.SendAsync(command);
        var failed = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1)).OfType<ConnectorTaskFailed>().Single();

        Assert.That(failed, Is.EqualTo(new ConnectorTaskFailed(command.Task, retryable, "legal-hold", "Litigation hold on the account."))
            .Using<ConnectorTaskFailed>(SameFailure));
    }

    private static readonly TestCaseData[] Exceptions =
    [
        new TestCaseData(new TimeoutException("query timed out"), true, "transient").SetArgDisplayNames("TimeoutException"),
        new TestCaseData(new HttpRequestException("503 from crm"), true, "transient").SetArgDisplayNames("HttpRequestException"),
        new TestCaseData(new TaskCanceledException("HttpClient timeout", new TimeoutException()), true, "transient")
            .SetArgDisplayNames("timeout wrapped"),
        new TestCaseData(new FakeDbException(transient: true), true, "transient").SetArgDisplayNames("DbException IsTransient"),
        new TestCaseData(new FakeDbException(transient: false), false, "unexpected-error").SetArgDisplayNames("DbException not transient"),
        new TestCaseData(new KeyNotFoundException("no such key"), false, "unexpected-error").SetArgDisplayNames("KeyNotFoundException"),
    ];

    [TestCaseSource(nameof(Exceptions))]
    public async Task Other_exceptions_are_retryable_only_when_transient(Exception exception, bool retryable, string code)
    {
        await using var connector = await ConnectorHost.StartAsync(new HandlerScript { Erase = (_, _, _) => throw exception });
        var command = Commands.Erase(connector.Name);

        await connector.SendAsync(command);
        var failed = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1)).OfType<ConnectorTaskFailed>().Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.Retryable, Is.EqualTo(retryable));
            Assert.That(failed.Code, Is.EqualTo(code));
            Assert.That(failed.Reason, Does.Contain(exception.GetType().Name));
        }
    }

    [Test]
    public async Task An_unexpected_exception_s_message_reaches_neither_the_reply_nor_the_logs()
    {
        const string email = "jane.doe.4711@example.org";
        var script = new HandlerScript { Erase = (_, _, _) => throw new InvalidOperationException($"Customer {email} has 3 open orders") };
        await using var connector = await ConnectorHost.StartAsync(script);
        var command = Commands.Erase(connector.Name, email);

        await connector.SendAsync(command);
        var failed = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1)).OfType<ConnectorTaskFailed>().Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.Retryable, Is.False);
            Assert.That(failed.Code, Is.EqualTo("unexpected-error"));
            Assert.That(failed.Reason,
                Does.Contain(nameof(InvalidOperationException)).And.Not.Contain(email).And.Not.Contain("open orders"));
            Assert.That(connector.Logs.Lines,
                Has.Some.Contain(command.Task.TaskId.ToString()).And.Some.Contain(nameof(InvalidOperationException)));
            Assert.That(connector.Logs.Lines, Has.None.Contain(email).And.None.Contain("open orders"));
        }
    }

    [Test]
    public async Task An_action_the_handlers_do_not_implement_is_answered_unsupported_action()
    {
        var script = new HandlerScript();
        await using var connector = await ConnectorHost.StartAsync(script);
        var command = new LocateSubject(Commands.Task(connector.Name), Commands.Identities());

        await connector.SendAsync(command);
        var failed = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1)).OfType<ConnectorTaskFailed>().Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.Code, Is.EqualTo("unsupported-action"));
            Assert.That(failed.Retryable, Is.False);
            Assert.That(failed.Reason, Does.Contain(ConnectorActions.Locate));
            Assert.That(script.Calls, Is.Zero);
        }
    }

    [Test]
    public async Task A_handler_result_with_an_unknown_outcome_fails_as_invalid_result()
    {
        var script = new HandlerScript { Erase = (_, _, _) => Task.FromResult(new TaskResult("erased", "Done.", [], [])) };
        await using var connector = await ConnectorHost.StartAsync(script);
        var command = Commands.Erase(connector.Name);

        await connector.SendAsync(command);
        var failed = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1)).OfType<ConnectorTaskFailed>().Single();

        Assert.That(failed.Code, Is.EqualTo("invalid-result"));
    }

    private static bool SameFailure(ConnectorTaskFailed a, ConnectorTaskFailed b) =>
        a.Task == b.Task && a.Retryable == b.Retryable && a.Code == b.Code && a.Reason == b.Reason;

    private sealed class FakeDbException(bool transient) : DbException("connection reset")
    {
        public override bool IsTransient => transient;
    }
}
