using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Tests.Runtime;

// Definitions built in code for executor tests (the shipped JSON files have tests of their own).
internal static class TestDefinitions
{
    public static readonly WorkflowDefinition Erasure = new("erasure", 1, ["erasure"], new ClockPolicy([7, 2], 0),
    [
        new StepDefinition("verify", StepTypes.VerifyIdentity, Methods: ["email", "manual"], ExpiresHours: 72),
        new StepDefinition("acknowledge", StepTypes.Acknowledge),
        new StepDefinition("assess", StepTypes.Assess),
        new StepDefinition("announce", StepTypes.PublishEvent, Event: "subject-erasure-requested"),
        new StepDefinition("erase", StepTypes.FanOut, Action: "erase", TimeoutHours: 24),
        new StepDefinition("review", StepTypes.Review, Required: true),
        new StepDefinition("notify", StepTypes.NotifyRecipients),
        new StepDefinition("pack", StepTypes.RenderPack),
        new StepDefinition("deliver", StepTypes.Deliver),
        new StepDefinition("close", StepTypes.Close),
    ]);

    // A restriction that closes once carried out, for the Art. 18(3) lift (Executor.Restriction.cs).
    public static readonly WorkflowDefinition Restriction = new("restriction", 1, ["restriction"], new ClockPolicy([7, 2], 0),
    [
        new StepDefinition("verify", StepTypes.VerifyIdentity, Methods: ["manual"], ExpiresHours: 72),
        new StepDefinition("assess", StepTypes.Assess),
        new StepDefinition("restrict", StepTypes.FanOut, Action: "restrict", TimeoutHours: 24),
        new StepDefinition("close", StepTypes.Close),
    ]);

    // The shipped erasure@2 order: the letter is rendered, then reviewed, before anyone is told.
    public static readonly WorkflowDefinition ReviewedErasure = Erasure with
    {
        Version = 2,
        Steps =
        [
            .. Erasure.Steps.Take(5), // verify … erase
            Erasure.Steps[Erasure.IndexOf("pack")], Erasure.Steps[Erasure.IndexOf("review")], Erasure.Steps[Erasure.IndexOf("notify")],
            new StepDefinition("erased", StepTypes.PublishEvent, Event: "subject-erased"),
            .. Erasure.Steps.Skip(Erasure.IndexOf("deliver")),
        ],
    };
}
