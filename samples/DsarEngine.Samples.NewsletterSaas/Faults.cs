namespace DsarEngine.Samples.NewsletterSaas;

// Injectable misbehaviour, to exercise the engine's timeout and circuit breaker: added latency, a share of 503s, and
// how results are given (sync in the answer, poll on a status URL, or a signed callback). Changeable at run time.
public sealed class Faults
{
    public int LatencyMs { get; set; }

    public double FailureRate { get; set; }

    public string Mode { get; set; } = "sync";

    // Every other call fails (the first, the third, …): "half its calls", deterministically, for the fault suite.
    public bool FailEveryOther { get; set; }

    private int calls;

    // Calls that passed the signature check (tests count them to see the circuit breaker spare the service).
    public int Calls => Volatile.Read(ref calls);

    // Counts a call; true when this one is to fail.
    public bool CountAndFail()
    {
        var call = Interlocked.Increment(ref calls);
        return (FailEveryOther && call % 2 == 1) || Random.Shared.NextDouble() < FailureRate;
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<WorkedTask> worked = new();

    // Every task the simulator worked, in order (a task called again is listed again): fault tests count repeats.
    public IReadOnlyList<WorkedTask> Worked => [.. worked];

    public void Work(Guid taskId, Guid requestId, string action) => worked.Enqueue(new WorkedTask(taskId, requestId, action));
}

public sealed record WorkedTask(Guid TaskId, Guid RequestId, string Action);
