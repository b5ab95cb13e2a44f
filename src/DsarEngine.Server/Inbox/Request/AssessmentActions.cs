using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Inbox.Request;

// The assess step's actions where the law shapes the decision; null where the usual three apply. The executor enforces
// the same rules (Executor.Objection.cs): this only offers what it would accept.
internal static class AssessmentActions
{
    public static IReadOnlyList<PageAction>? For(string step, string? right, string? purpose) => right switch
    {
        // GDPR Art. 21(3): absolute, nothing to weigh (instances of objection@2 still stop here).
        // Profiling related to direct marketing too (Art. 21(2)).
        "objection" when ObjectionPurposes.IsDirectMarketing(purpose) =>
        [
            new(ActionKind.Decide, "Proceed",
                "An objection to direct marketing is absolute (GDPR Art. 21(3)): it cannot be refused; the systems stop the processing.",
                "Note (optional)", Step: step, Outcome: Decisions.Proceed),
        ],
        // GDPR Art. 21(1): the assessment of compelling legitimate grounds is recorded and explained to the subject.
        "objection" =>
        [
            new(ActionKind.Decide, "Uphold the objection",
                "No compelling legitimate grounds override the subject's interests: the systems stop the processing (GDPR Art. 21(1)).",
                "Your assessment: the grounds weighed and why they do not override, as told to the subject", InputRequired: true,
                Step: step, Outcome: Decisions.Proceed),
            new(ActionKind.Decide, "Uphold in part",
                "Compelling legitimate grounds override for part of the processing only; the rest stops (GDPR Art. 21(1)).",
                "Your assessment: the grounds and where they override, as told to the subject", InputRequired: true,
                Step: step, Outcome: Decisions.Partial, ExtraLabel: "Processing that goes on, one per line (required)"),
            new(ActionKind.Decide, "Refuse: compelling grounds override",
                "Refuses the objection; the subject is told the grounds and how to complain (GDPR Art. 21(1), 12(4)).",
                "The compelling legitimate grounds and why they override the subject's interests, rights and freedoms",
                InputRequired: true, Step: step, Outcome: Decisions.Refuse),
        ],
        // GDPR Art. 7(3): a withdrawal cannot be refused; another lawful basis for some processing is a partial answer.
        "consent-withdrawal" =>
        [
            new(ActionKind.Decide, "Proceed", "The consent is withdrawn; the systems stop the processing based on it.",
                "Note (optional)", Step: step, Outcome: Decisions.Proceed),
            new(ActionKind.Decide, "Proceed in part",
                "The consent is withdrawn; processing on another lawful basis goes on, as you name it (GDPR Art. 7(3), 17(1)(b)).",
                "Note (optional)", Step: step, Outcome: Decisions.Partial,
                ExtraLabel: "Processing that goes on and its lawful basis, one per line (required)"),
        ],
        // GDPR Art. 22(3): a person reviews the automated decision, having heard the subject's point of view.
        "automated-decision-review" =>
        [
            new(ActionKind.Decide, "Record the human review",
                "Records your review of the automated decision; the letter explains its outcome and the logic (GDPR Art. 22(3), 15(1)(h)).",
                "Why the decision was upheld or changed, as told to the subject", InputRequired: true, Step: step,
                Outcome: Decisions.Proceed, Choices: AutomatedDecisionReview.Results,
                ExtraLabel: "Three lines: the logic involved; its significance for the subject; its envisaged consequences (required)"),
            new(ActionKind.Decide, "Refuse",
                "Refuses the request (e.g. no decision based solely on automated processing); the subject is told why (Art. 12(4)).",
                "Reasons for refusing, as told to the subject", InputRequired: true, Step: step, Outcome: Decisions.Refuse),
        ],
        // Va. Code §59.1-577(C), C.R.S. §6-1-1306(3), Conn. Gen. Stat. §42-518(d): the appeal reverses or upholds the refusal;
        // a denial's letter says how to complain to the state's Attorney General.
        "appeal" =>
        [
            new(ActionKind.Decide, "Reverse the refusal",
                "Grants the appeal: the letter tells the consumer that the refusal is reversed.", "Note (optional)", Step: step,
                Outcome: Decisions.Proceed),
            new(ActionKind.Decide, "Reverse in part",
                "Grants the appeal in part: the letter tells the consumer what is reversed, what stays refused and why.",
                "Reasons, as told to the consumer", InputRequired: true, Step: step, Outcome: Decisions.Partial,
                ExtraLabel: "What stays refused, one per line (required)"),
            new(ActionKind.Decide, "Uphold the refusal",
                "Denies the appeal; the letter gives the reasons and how to complain to the state's Attorney General.",
                "Reasons for upholding the refusal, as told to the consumer", InputRequired: true, Step: step,
                Outcome: Decisions.Refuse),
        ],
        _ => null,
    };

    // The dialog's inputs as a review body: a missing line is passed on empty so that the check names it.
    public static ReviewBody Review(ActionInput input)
    {
        var lines = (input.Extra ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ReviewBody(input.Choice, input.Text, lines.ElementAtOrDefault(0), lines.ElementAtOrDefault(1),
            string.Join(" ", lines.Skip(2)));
    }
}
