namespace DsarEngine.Workflows.Requests;

// GDPR Art. 18(1): the four grounds for a restriction. The ground decides how long it lasts: (a) until the accuracy is
// verified, (d) until the objection is verified; (b) and (c) until the subject or the claim says otherwise. A subject
// need not cite the article, so intake takes a request without one (the connectors then get no reason); when given, it
// must be one of these, and it goes to every connector with the restrict command (RestrictProcessing.Reason).
internal static class RestrictionGrounds
{
    public const string AccuracyContested = "accuracy-contested";       // Art. 18(1)(a)
    public const string UnlawfulProcessing = "unlawful-processing";     // Art. 18(1)(b)
    public const string NeededForLegalClaims = "needed-for-legal-claims"; // Art. 18(1)(c)
    public const string ObjectionPending = "objection-pending";         // Art. 18(1)(d)

    public static readonly IReadOnlyList<string> All = [AccuracyContested, UnlawfulProcessing, NeededForLegalClaims, ObjectionPending];
}
