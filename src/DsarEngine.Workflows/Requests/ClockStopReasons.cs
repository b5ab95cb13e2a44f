namespace DsarEngine.Workflows.Requests;

// Why the controller may stop the clock: waiting for the subject to prove who they are (GDPR Art. 12(6)),
// to clarify a request (Recital 63), or to pay a fee where one is allowed (Art. 12(5)). Whether a reason
// stops the clock, and how, is the regime's (RegimeRules.StopFor): the EU GDPR knows no fee stop.
internal static class ClockStopReasons
{
    public const string IdentityProof = "identity-proof";
    public const string Clarification = "clarification";
    public const string Fee = "fee";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        IdentityProof, Clarification, Fee,
    };
}
