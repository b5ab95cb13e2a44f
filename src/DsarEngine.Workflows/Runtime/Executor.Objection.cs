using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Runtime;

// What the law leaves to the person at an assess step, and what it does not. Encoded here rather than in definitions, so
// that no definition (nor an instance pinned to an older one) can make an absolute right refusable.
internal static partial class Executor
{
    // The refusal slugs (problem types urn:dsar:problem:<slug>).
    public const string RefusalNotAllowed = "refusal-not-allowed";
    public const string AssessmentRequired = "assessment-required";
    public const string ReviewRequired = "review-required";

    private sealed partial class Run
    {
        // GDPR Art. 21(3): an objection to direct marketing is absolute; the definition lists the purposes it skips for.
        // Profiling related to direct marketing (Art. 21(2)) is skipped wherever direct marketing is: the law treats them alike.
        private bool SkipsAssessment(StepDefinition step) => context.Purpose is { } purpose && (step.SkipForPurposes.Contains(purpose)
            || (purpose == ObjectionPurposes.DirectMarketingProfiling && step.SkipForPurposes.Contains(ObjectionPurposes.DirectMarketing)));

        private WorkflowInstance AssessmentNotNeeded(WorkflowInstance i, StepDefinition step)
        {
            Effects.Add(new Effect.SetRequestStatus(RequestStatus.InProgress));
            Journal(new AssessmentNotNeededEntry(step.Id, context.Purpose!));
            return Next(i with { State = i.State with { Outcome = "completed" } });
        }

        private bool DirectMarketingObjection =>
            context.Right == "objection" && ObjectionPurposes.IsDirectMarketing(context.Purpose);

        // An assessment the law does not allow, or one that lacks what the law asks to be recorded: (slug, reason), else null.
        private (string Slug, string Reason)? Unlawful(Signal.Decision d)
        {
            if (DirectMarketingObjection && d.Outcome is Decisions.Refuse or Decisions.Partial)
                return (RefusalNotAllowed, "An objection to direct marketing cannot be refused, in whole or in part: " +
                    "processing for it stops (GDPR Art. 21(3)). Proceed.");
            if (context.Right == "consent-withdrawal" && d.Outcome == Decisions.Refuse)
                return (RefusalNotAllowed, "A withdrawal of consent cannot be refused (GDPR Art. 7(3)). Proceed, or proceed in part " +
                    "naming the other lawful basis of any processing that goes on.");
            if (context.Right == "objection" && !DirectMarketingObjection && Blank(d.Grounds ?? d.Reason))
                return (AssessmentRequired, "Record the assessment (GDPR Art. 21(1)): the compelling legitimate grounds weighed " +
                    "and why they do or do not override the subject's interests, rights and freedoms. The letter explains it.");
            // 11 CCR §7026(e): an opt-out (or a request to limit, §7027) is denied only for a good-faith, reasonable and documented
            // belief that it is fraudulent, explained to the requester; there is no partial opt-out.
            if (context.Right is "opt-out-of-sale-sharing" or "limit-sensitive-use" && d.Outcome == Decisions.Partial)
                return (RefusalNotAllowed, "An opt-out under the CCPA is carried out in full, or refused for a documented belief " +
                    "that it is fraudulent (11 CCR §7026(e)): proceed, or refuse with that explanation.");
            if (context.Right is "opt-out-of-sale-sharing" or "limit-sensitive-use" && d.Outcome == Decisions.Refuse && Blank(d.Reason))
                return (AssessmentRequired, "A refusal of a CCPA opt-out needs the documented reason for believing the request is " +
                    "fraudulent; the requester is told it (11 CCR §7026(e)).");
            if (context.Right == "automated-decision-review" && d.Outcome == Decisions.Partial)
                return (ReviewRequired, "A review upholds or changes the decision: proceed with the review's outcome, or refuse.");
            if (context.Right == "automated-decision-review" && d.Outcome == Decisions.Proceed && d.Review is null)
                return (ReviewRequired, "Record the human review (GDPR Art. 22(3)): the decision upheld or changed, why, and the " +
                    "logic involved with its significance and envisaged consequences (Art. 15(1)(h)). The letter explains them.");
            return null;
        }

        // The findings the letter explains, recorded with the decision.
        private InstanceState Findings(InstanceState state, StepDefinition step, Signal.Decision d)
        {
            if (context.Right == "objection" && !DirectMarketingObjection && (d.Grounds ?? d.Reason)?.Trim() is { Length: > 0 } grounds)
            {
                var assessment = new ObjectionAssessment(grounds, ObjectionAssessment.OverridesFor(d.Outcome));
                Journal(new ObjectionAssessedEntry(step.Id, assessment.Grounds, assessment.Overrides));
                return state with { Assessment = assessment };
            }
            if (context.Right == "automated-decision-review" && d.Review is { } review && d.Outcome == Decisions.Proceed)
            {
                Journal(new AutomatedDecisionReviewedEntry(
                    step.Id, review.Result, review.Explanation, review.Logic, review.Significance, review.Consequences));
                return state with { AutomatedReview = review };
            }
            return state;
        }

        private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
    }
}
