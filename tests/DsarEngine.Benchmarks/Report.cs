using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace DsarEngine.Benchmarks;

// Everything one run measured. Broker and Workflows are null unless --workflows was given; SampleWorkflows unless
// --workflow-connectors samples or both was given too (Workflows is the stub's, null with samples only).
internal sealed record Figures(int Concurrency, Result Commits, Result Intake, Result? Broker, Result? Workflows, int Failures,
    Result? SampleWorkflows = null)
{
    // Why a workflow phase did not finish (its row is then missing): printed as NOT FINISHED, in JSON as notFinished.
    public IReadOnlyList<string> NotFinished { get; init; } = [];

    public IEnumerable<Result> Phases => new[] { Commits, Broker, Intake, Workflows, SampleWorkflows }.OfType<Result>();

    public IEnumerable<(string Name, string Label, double Value)> Ratios()
    {
        yield return ("intakeToRawCommits", "intake / raw commit throughput", Intake.PerSecond / Commits.PerSecond);
        if (Workflows is not null)
            yield return ("workflowsToRawCommits", "workflows / raw commit throughput", Workflows.PerSecond / Commits.PerSecond);
        if (Workflows is not null && Broker is not null)
            yield return ("workflowsToBrokerRoundTrips", "workflows / broker round-trip throughput",
                Workflows.PerSecond / Broker.PerSecond);
        if (SampleWorkflows is not null)
            yield return ("sampleWorkflowsToRawCommits", "workflows (sample connectors) / raw commit throughput",
                SampleWorkflows.PerSecond / Commits.PerSecond);
        if (SampleWorkflows is not null && Broker is not null)
            yield return ("sampleWorkflowsToBrokerRoundTrips", "workflows (sample connectors) / broker round-trip throughput",
                SampleWorkflows.PerSecond / Broker.PerSecond);
    }
}

internal static class Report
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Machine =>
        $"{Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, "
        + $"{RuntimeInformation.FrameworkDescription}";

    public static void Print(Figures figures, IEnumerable<Failure> failures)
    {
        foreach (var f in failures)
            Console.WriteLine(
                $"submission {f.Submission} failed: {(f.Status is { } s ? $"HTTP {s}" : "no response")}: {Shorten(f.Detail)}");
        Console.WriteLine();
        var width = Math.Max(56, figures.Phases.Max(r => r.Phase.Length));
        Console.WriteLine($"{"phase".PadRight(width)} {"ops",7} {"ops/s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var r in figures.Phases)
            Console.WriteLine(Invariant(
                $"{r.Phase.PadRight(width)} {r.Operations,7} {r.PerSecond,9:F1} {Ms(r.P50Ms),8} {Ms(r.P99Ms),8} {Ms(r.MaxMs),8}"));
        Console.WriteLine();
        foreach (var (_, label, value) in figures.Ratios())
            Console.WriteLine(Invariant($"{label} = {value.ToString(value >= 0.1 ? "F2" : "F3", CultureInfo.InvariantCulture)}"));
        Console.WriteLine($"machine: {Machine}; concurrency {figures.Concurrency}");
        if (figures.Failures > 0)
            Console.WriteLine($"FAILED: {figures.Failures} submissions (warm-ups included) were not answered 202");
        foreach (var problem in figures.NotFinished)
            Console.WriteLine($"NOT FINISHED: {problem}");
    }

    public static Task WriteJsonAsync(string path, Figures figures) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            machine = new
            {
                Environment.ProcessorCount, os = RuntimeInformation.OSDescription, dotnet = RuntimeInformation.FrameworkDescription
            },
            figures.Concurrency,
            phases = figures.Phases.Select(r => new { r.Phase, r.Operations, r.Seconds, r.PerSecond, r.P50Ms, r.P99Ms, r.MaxMs }),
            ratios = figures.Ratios().ToDictionary(r => r.Name, r => Math.Round(r.Value, 4)),
            figures.Failures,
            figures.NotFinished,
        }, Json));

    private static string Ms(double? ms) => ms is { } v ? v.ToString("F2", CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
