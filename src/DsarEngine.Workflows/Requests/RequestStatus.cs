namespace DsarEngine.Workflows.Requests;

// Lifecycle of a request as the subject and the inbox see it; the workflow runtime moves it along.
internal static class RequestStatus
{
    public const string Received = "received";
    public const string AwaitingIdentity = "awaiting-identity";
    public const string InProgress = "in-progress";
    public const string NeedsAttention = "needs-attention";
    public const string Completed = "completed";
    public const string Refused = "refused";
    public const string Closed = "closed";
    // The subject withdrew the request before it was answered (Signal.Withdraw).
    public const string Withdrawn = "withdrawn";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Received, AwaitingIdentity, InProgress, NeedsAttention, Completed, Refused, Closed, Withdrawn,
    };

    // The statuses of a finished request: its workflow is closed and nothing more will happen to it.
    public static readonly IReadOnlySet<string> Finished = new HashSet<string>(StringComparer.Ordinal)
    {
        Completed, Refused, Closed, Withdrawn,
    };
}
