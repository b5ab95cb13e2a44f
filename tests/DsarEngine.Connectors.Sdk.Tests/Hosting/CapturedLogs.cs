using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// Keeps every log line (with any exception's full text) so a test can prove what never reaches the logs.
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> waiters = [];

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    // Completes when a line matching the condition has been logged (already or later), or fails after 30 s.
    public async Task WaitForAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiters)
        {
            if (lines.Any(match))
                return;
            waiters.Add((match, seen));
        }
        await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void Add(string line)
    {
        lock (waiters)
        {
            lines.Enqueue(line);
            foreach (var waiter in waiters.Where(w => w.Match(line)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Add($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
