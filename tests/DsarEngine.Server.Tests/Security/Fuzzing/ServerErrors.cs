using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Server.Tests.Security.Fuzzing;

// The exceptions the engine logged while the harness ran (type, message, where it was thrown), so that a 500 found by the
// harness names its cause in the test's output.
internal sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, int> seen = new();

    public IEnumerable<string> Distinct => seen.OrderByDescending(s => s.Value).Select(s => $"{s.Value}x {s.Key}");

    public ILogger CreateLogger(string categoryName) => new Logger(seen);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentDictionary<string, int> seen) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is null || !IsEnabled(logLevel))
                return;
            var frame = exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("DsarEngine", StringComparison.Ordinal))
                ?? exception.StackTrace?.Split('\n').FirstOrDefault() ?? "";
            seen.AddOrUpdate($"{exception.GetType().Name}: {exception.Message} {frame.Trim()}", 1, (_, n) => n + 1);
        }
    }
}
