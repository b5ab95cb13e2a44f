using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Server.Tests.TestData;

// Every warning an engine under test logs, so a test can wait for a refusal the engine reports nowhere else (a forged
// reply changes nothing, by design) instead of guessing how long to wait.
internal sealed class EngineLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(lines);

    // Polls for the condition over the lines logged so far, with a deadline.
    public async Task WaitForAsync(Func<IReadOnlyCollection<string>, bool> condition, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition(lines))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
                Assert.Fail($"The engine never logged {what}. Its last warnings:\n{string.Join("\n", lines.TakeLast(10))}");
            await Task.Delay(20);
        }
    }

    public int Count(string fragment) => lines.Count(l => l.Contains(fragment, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
