using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Runtime;

// verify-identity: ask for proof (an e-mailed link, a letter for a request on paper) and wait until a person or the
// subject verifies; or go on at once where the organisation's identity policy needs no check for this request
// (IdentityPolicy). Asking does not stop the clock: only a person's stated reasonable doubt does (a clock stop
// "identity-proof"), and proof arriving then resumes it.
internal static partial class Executor
{
    private sealed partial class Run
    {
        private WorkflowInstance VerifyIdentity(WorkflowInstance i, StepDefinition step)
        {
            if (i.State.IdentityVerified)
                return Next(i);
            if (context.IdentityCheck == IdentityChecks.None)
            {
                Journal(new IdentityNotRequiredEntry(context.Right, context.Channel));
                return Next(i);
            }
            var methods = context.IdentityCheck == IdentityChecks.Manual
                ? (step.Methods ?? ["email", "manual"]).Where(m => m != "email").DefaultIfEmpty("manual").ToList()
                : step.Methods ?? ["email", "manual"];
            if (methods.Contains("email"))
                Effects.Add(new Effect.CreateIdentityChallenge(TimeSpan.FromHours(step.ExpiresHours ?? 72)));
            Effects.Add(new Effect.SetRequestStatus(RequestStatus.AwaitingIdentity));
            // The e-mail is the notice; a request that came on paper also gets it as a letter to post.
            if (context.RendersPacks && context.PaperNotices)
            {
                i = i with { State = i.State with { Renders = i.State.Renders + 1 } };
                Effects.Add(new Effect.RenderNoticeLetter(RenderId(i, step.Id), Notices.IdentityRequest, new Dictionary<string, string>
                {
                    // The letter offers the e-mailed link only where one was sent.
                    ["methods"] = string.Join(',', methods.Where(m => m != "email" || context.HasEmail)),
                    ["linkExpiresIso"] = context.Now.AddHours(step.ExpiresHours ?? 72)
                        .ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    ["clockStops"] = "false",
                }));
            }
            Journal(new IdentityRequestedEntry(methods));
            return Wait(i, Bookmarks.Identity);
        }

        private WorkflowInstance Verified(WorkflowInstance i, Signal.IdentityVerified verified)
        {
            Journal(new IdentityVerifiedEntry(verified.Method, verified.Evidence));
            if (StoppedForIdentity)
                Effects.Add(new Effect.ResumeClock());
            return Next(i with { State = i.State with { IdentityVerified = true } });
        }

        // The clock stands still for identity only where a person stopped it for a reasonable doubt.
        private bool StoppedForIdentity => context.Clock?.OpenStop?.Reason == "identity-proof";
    }
}
