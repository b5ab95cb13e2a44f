namespace DsarEngine.Workflows.Requests;

// Why the controller may stop the clock: waiting for the subject to prove who they are (GDPR Art. 12(6)),
// to clarify a request (Recital 63), or to pay a fee where one is allowed (Art. 12(5)).
internal static class ClockStopReasons
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "identity-proof", "clarification", "fee",
    };
}
