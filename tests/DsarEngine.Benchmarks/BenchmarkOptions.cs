using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DsarEngine.Benchmarks;

// The benchmark's own command line. Arguments shaped `--Dsar:Section:Key=value` are left to the engine's
// configuration (the host receives the whole command line), e.g. to try a runtime setting.
internal sealed record BenchmarkOptions(int Requests, int Concurrency, int Workflows, string? JsonPath, int Packs = 0, int Inbox = 100_000,
    int InboxOpen = 0, int Timers = 0, int TimersSpread = 0, string WorkflowConnectors = "stub")
{
    // --workflow-connectors: where the workflow phase's fan-out goes (the stub, the real sample services, or each in turn).
    public static readonly string[] ConnectorPaths = ["stub", "samples", "both"];

    public bool StubWorkflows => WorkflowConnectors is "stub" or "both";

    public bool SampleWorkflows => WorkflowConnectors is "samples" or "both";

    public const string Usage =
        "usage: dotnet run -c Release --project tests/DsarEngine.Benchmarks -- [--requests N (5000)] [--concurrency C (16)] " +
        "[--workflows N (0 = skip)] [--workflow-connectors stub|samples|both (stub)] [--packs N (0 = skip)] " +
        "[--inbox N (100000; 0 = skip)] [--inbox-open N (0 = about 70%)] " +
        "[--timers N (0 = skip)] [--timers-spread S (0 = all due at one moment)] [--json PATH] [--Dsar:Section:Key=value ...]";

    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out BenchmarkOptions? options, out string error)
    {
        var parsed = new BenchmarkOptions(Requests: 5000, Concurrency: 16, Workflows: 0, JsonPath: null);
        options = null;
        error = "";
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name.StartsWith("--Dsar:", StringComparison.Ordinal) && name.Contains('=', StringComparison.Ordinal))
                continue;
            if (i + 1 == args.Count)
            {
                error = $"{name} needs a value";
                return false;
            }
            var value = args[++i];
            var isCount = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n);
            BenchmarkOptions? next = name switch
            {
                "--requests" when isCount && n > 0 => parsed with { Requests = n },
                "--concurrency" when isCount && n > 0 => parsed with { Concurrency = n },
                "--workflows" when isCount => parsed with { Workflows = n },
                "--packs" when isCount => parsed with { Packs = n },
                "--inbox" when isCount => parsed with { Inbox = n },
                "--inbox-open" when isCount => parsed with { InboxOpen = n },
                "--timers" when isCount => parsed with { Timers = n },
                "--timers-spread" when isCount && n <= 300 => parsed with { TimersSpread = n },
                "--workflow-connectors" when ConnectorPaths.Contains(value) => parsed with { WorkflowConnectors = value },
                "--json" => parsed with { JsonPath = value },
                _ => null,
            };
            if (next is null)
            {
                error = $"unknown option or bad value: {name} {value}";
                return false;
            }
            parsed = next;
        }
        options = parsed;
        return true;
    }
}
