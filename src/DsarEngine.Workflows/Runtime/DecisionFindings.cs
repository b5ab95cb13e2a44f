namespace DsarEngine.Workflows.Runtime;

// GDPR Art. 21(1): an objection on grounds relating to the subject's situation stops the processing unless the controller
// demonstrates compelling legitimate grounds which override the subject's interests, rights and freedoms. Grounds: what
// was weighed; Overrides: no (processing stops), in-part (it stops for some of it), yes (it goes on).
internal sealed record ObjectionAssessment(string Grounds, string Overrides)
{
    public static string OverridesFor(string outcome) => outcome switch
    {
        Decisions.Refuse => "yes",
        Decisions.Partial => "in-part",
        _ => "no",
    };
}

// GDPR Art. 22(3): a person reviewed the decision taken solely by automated means, having heard the subject's point of
// view. Result: upheld | changed; Explanation: why, as told to the subject. Art. 15(1)(h): the logic involved, and the
// significance and envisaged consequences of such processing for the subject.
internal sealed record AutomatedDecisionReview(string Result, string Explanation, string Logic, string Significance, string Consequences)
{
    public const string Upheld = "upheld";
    public const string Changed = "changed";

    public static readonly IReadOnlyList<string> Results = [Upheld, Changed];
}
