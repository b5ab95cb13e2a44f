using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Runtime;

// assess and review: the steps where a person decides, and their decisions.
internal static partial class Executor
{
    private sealed partial class Run
    {
        private WorkflowInstance Decision(WorkflowInstance i, StepDefinition step)
        {
            Effects.Add(new Effect.SetRequestStatus(RequestStatus.InProgress));
            Journal(new AwaitingDecisionEntry(step.Id, step.Type));
            return Wait(i, Bookmarks.Decision(step.Id));
        }

        // A connector registered with "results need review" makes every review step of its requests a real one.
        private bool ResultsNeedReview(WorkflowInstance i) =>
            i.State.Tasks.Any(t => context.Connectors.Any(c => c.Name == t.Connector && c.NeedsReview));

        private WorkflowInstance ReviewNotRequired(WorkflowInstance i, StepDefinition step) =>
            Pass(i, new ReviewNotRequiredEntry(step.Id), null);

        private WorkflowInstance Decide(WorkflowInstance i, Signal.Decision d)
        {
            var step = definition.Steps[i.StepIndex];
            if (step.Type == StepTypes.Assess && Unlawful(d) is { } refusal)
                return Refuse(i, refusal.Slug, refusal.Reason);
            Journal(new DecidedEntry(step.Id, d.Outcome, d.Reason, d.Exemptions) { Keep = d.Keep.Count > 0 ? d.Keep : null });
            if (step.Type == StepTypes.Assess)
            {
                i = i with { State = Findings(i.State, step, d) };
                switch (d.Outcome)
                {
                    case Decisions.Proceed:
                        return Next(i with { State = i.State with { Outcome = "completed" } });
                    case Decisions.Partial:
                        // GDPR Art. 12(4): refusing part of a request is a refusal of that part; its reasons reach the letter.
                        return Next(i with
                        {
                            State = i.State with
                            {
                                Outcome = "partial", RefusalReason = d.Reason, Exemptions = d.Exemptions, Keep = d.Keep,
                            },
                        });
                    case Decisions.Refuse:
                        // GDPR Art. 12(4): the subject is told without delay why, and of the right to complain.
                        Effects.Add(new Effect.Mail(Mail.MailTemplates.RequestRefused, new Dictionary<string, string>
                        {
                            ["reference"] = context.Reference, ["reason"] = d.Reason ?? "",
                        }));
                        var refused = i with
                        {
                            State = i.State with { Outcome = "refused", RefusalReason = d.Reason, Exemptions = d.Exemptions },
                        };
                        // With packs rendered, the refusal also gets its letter (reasons, complaint, judicial remedy) and link.
                        return context.RendersPacks
                            && definition.Steps.Select((s, n) => (s, n))
                                .FirstOrDefault(x => x.n > i.StepIndex && x.s.Type == StepTypes.RenderPack) is { s: not null } pack
                            ? refused with { StepIndex = pack.n, Status = InstanceStatus.Running, WaitingFor = null }
                            : JumpToClose(refused);
                }
            }
            else if (step.Type == StepTypes.Review)
            {
                if (d.Outcome == Decisions.Approve)
                    return Next(i);
                // A review after the pack rejects the letter itself: once the cause is fixed, Retry renders it again.
                if (d.Outcome == Decisions.Reject)
                    return context.RendersPacks
                        && definition.Steps.Take(i.StepIndex).Select((s, n) => (s, n))
                            .LastOrDefault(x => x.s.Type == StepTypes.RenderPack) is { s: not null } pack
                        ? Attention(i with { StepIndex = pack.n }, $"Review rejected: {d.Reason} Retry renders the pack again.")
                        : Attention(i, $"Review rejected: {d.Reason}");
            }
            return i;
        }
    }
}
