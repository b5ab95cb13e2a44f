using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Runtime;

// verify-identity: ask for proof (an e-mailed link, a letter for a request on paper) and wait until a person or the
// subject verifies.
internal static partial class Executor
{
    private sealed partial class Run
    {
        private WorkflowInstance VerifyIdentity(WorkflowInstance i, StepDefinition step)
        {
            if (i.State.IdentityVerified)
                return Next(i);
            if (step.Methods?.Contains("email") ?? true)
                Effects.Add(new Effect.CreateIdentityChallenge(TimeSpan.FromHours(step.ExpiresHours ?? 72)));
            // GDPR Art. 12(6) and the regime's policy: the clock stops while the controller waits for proof.
            if (context.ClockStops)
                Effects.Add(new Effect.StopClock("identity-proof"));
            Effects.Add(new Effect.SetRequestStatus(RequestStatus.AwaitingIdentity));
            // The e-mail is the notice; a request that came on paper also gets it as a letter to post.
            if (context.RendersPacks && context.PaperNotices)
            {
                i = i with { State = i.State with { Renders = i.State.Renders + 1 } };
                Effects.Add(new Effect.RenderNoticeLetter(RenderId(i, step.Id), Notices.IdentityRequest, new Dictionary<string, string>
                {
                    // The letter offers the e-mailed link only where one was sent.
                    ["methods"] = string.Join(',', (step.Methods ?? ["email", "manual"]).Where(m => m != "email" || context.HasEmail)),
                    ["linkExpiresIso"] = context.Now.AddHours(step.ExpiresHours ?? 72)
                        .ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["clockStops"] = context.ClockStops ? "true" : "false",
                }));
            }
            Journal(new IdentityRequestedEntry(step.Methods ?? ["email", "manual"]));
            return Wait(i, Bookmarks.Identity);
        }

        private WorkflowInstance Verified(WorkflowInstance i, Signal.IdentityVerified verified)
        {
            Journal(new IdentityVerifiedEntry(verified.Method, verified.Evidence));
            if (context.ClockStops)
                Effects.Add(new Effect.ResumeClock());
            return Next(i with { State = i.State with { IdentityVerified = true } });
        }
    }
}
