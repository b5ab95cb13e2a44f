namespace DsarEngine.Samples.NewsletterSaas;

// Injectable misbehaviour, to exercise the engine's timeout and circuit breaker: added latency, a share of 503s, and
// how results are given (sync in the answer, poll on a status URL, or a signed callback). Changeable at run time.
public sealed class Faults
{
    public int LatencyMs { get; set; }

    public double FailureRate { get; set; }

    public string Mode { get; set; } = "sync";

    // Every other call of each task fails (its first, its third, …, counted by the call's Idempotency-Key): "half its
    // calls", deterministically and whatever order concurrent calls of different tasks arrive in, for the fault suite.
    public bool FailEveryOther { get; set; }

    private int calls;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> callsPerTask = new(StringComparer.Ordinal);

    // Calls that passed the signature check (tests count them to see the circuit breaker spare the service).
    public int Calls => Volatile.Read(ref calls);

    // Counts a call (task: its Idempotency-Key); true when this one is to fail.
    public bool CountAndFail(string? task)
    {
        Interlocked.Increment(ref calls);
        var own = callsPerTask.AddOrUpdate(task ?? "", 1, (_, n) => n + 1);
        return (FailEveryOther && own % 2 == 1) || Random.Shared.NextDouble() < FailureRate;
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<WorkedTask> worked = new();

    // Every task the simulator worked, in order (a task called again is listed again): fault tests count repeats.
    public IReadOnlyList<WorkedTask> Worked => [.. worked];

    public void Work(Guid taskId, Guid requestId, string action) => worked.Enqueue(new WorkedTask(taskId, requestId, action));
}

public sealed record WorkedTask(Guid TaskId, Guid RequestId, string Action);
