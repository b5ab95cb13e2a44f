using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Runtime;

// Telling people: the subject (acknowledge, deliver), the recipients the data was disclosed to (notify-recipients,
// GDPR Art. 19) and downstream systems (publish-event).
internal static partial class Executor
{
    private sealed partial class Run
    {
        // The receipt e-mail was queued at intake, in the request's own transaction: the step only records it.
        private WorkflowInstance Acknowledge(WorkflowInstance i) =>
            Pass(i, new AcknowledgedEntry("the receipt e-mail sent at intake"), RequestStatus.InProgress);

        private WorkflowInstance Deliver(WorkflowInstance i, StepDefinition step)
        {
            var model = new Dictionary<string, string> { ["reference"] = context.Reference };
            // The pack's link expires 30 days after delivery; opening it re-proves control of the e-mail address.
            if (i.State.PackId is not null)
                model["packExpiresIso"] = context.Now.AddDays(30).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            Effects.Add(new Effect.Mail(
                i.State.Outcome == "refused" ? Mail.MailTemplates.RefusalLetter : Mail.MailTemplates.ResponseReady, model));
            // GDPR Art. 20(2): the archive also goes to the controller the subject named, as a link whose one-time code is
            // sent to that controller's address (each download journaled); never with a refusal, never without an archive.
            if (context.TransmitTo is not null && context.Right == "portability" && i.State.PackId is not null
                && i.State.Outcome != "refused")
            {
                Effects.Add(new Effect.Mail(Mail.MailTemplates.TransmissionReady, model) { Recipient = Effect.Mail.ReceivingController });
                return Pass(i, new DeliveredEntry(step.Id, "e-mail link; link and one-time code to the receiving controller"), null);
            }
            // LIL art. 85: the person designated to carry out recorded instructions learns of it, and how to act after the
            // death (the engine sends it only where the instructions name someone).
            if (context.Right == "post-mortem-instructions" && i.State.Outcome is "completed" or "partial")
            {
                Effects.Add(new Effect.Mail(Mail.MailTemplates.DesigneeNotice, model) { Recipient = Effect.Mail.Designee });
                return Pass(i, new DeliveredEntry(step.Id, "e-mail link; a notice to the designee, if the instructions name one"),
                    null);
            }
            return Pass(i, new DeliveredEntry(step.Id, "e-mail link"), null);
        }

        private WorkflowInstance Publish(WorkflowInstance i, StepDefinition step, string name)
        {
            var id = DeterministicId.From(i.RequestId.ToString(), step.Id, name);
            Effects.Add(new Effect.PublishEvent(id, name, new Dictionary<string, string>
            {
                ["requestId"] = i.RequestId.ToString(), ["reference"] = context.Reference, ["right"] = context.Right,
                ["outcome"] = i.State.Outcome ?? "",
            }) { Tasks = i.State.Tasks });
            return Pass(i, new EventPublishedEntry(step.Id, name, id), null);
        }

        private WorkflowInstance SkippedAfterRefusal(WorkflowInstance i, StepDefinition step) =>
            Pass(i, new StepSkippedEntry(step.Id, "the request was refused"), null);
    }
}
