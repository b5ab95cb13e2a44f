namespace DsarEngine.Workflows.Packs;

// GDPR Art. 21(1): the compelling legitimate grounds weighed against an objection, and whether they override it
// (no | in-part | yes), as the letter explains them. Public for the Razor components, like LetterModel.
public sealed record AssessmentFacts(string Grounds, string Overrides);

// GDPR Art. 22(3): the human review of a decision based solely on automated processing (Result: upheld | changed, and
// why); Art. 15(1)(h): the logic involved, its significance and envisaged consequences for the subject.
public sealed record ReviewFacts(string Result, string Explanation, string Logic, string Significance, string Consequences);
