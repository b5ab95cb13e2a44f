using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// GDPR Art. 12(6): the clock stands still for identity only where a person stopped it for a reasonable doubt
// (reason "identity-proof"). Proof arriving, or skipping the step, ends that wait and resumes the clock; without such a
// stop (a routine check, or a stop for another reason) neither touches the clock.
public sealed class IdentitySkipTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static StepContext Context(string? openStop) =>
        new(Now, "erasure", "DSR-AAAA-BBBB-CCCC", true, DueAt: Now.AddDays(30), [new ConnectorInfo("crm", ["erase"], 48)])
        {
            Clock = new RequestClock("gdpr", "FR", "Europe/Paris", Now, false, ExtensionMethod.FromReceipt,
                openStop is null ? [] : [new ClockStop(new DateOnly(2025, 3, 4), null, openStop)]),
        };

    private static WorkflowInstance AtIdentity()
    {
        var pending = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "erasure", 1, 0, InstanceStatus.Pending, null,
            new InstanceState(), 0, null, 1);
        var (i, _) = Executor.Advance(TestDefinitions.Erasure, pending, new Start(), Context(null));
        Assert.That(i.WaitingFor, Is.EqualTo(Bookmarks.Identity));
        return i;
    }

    [Test]
    public void After_a_doubt_stopped_the_clock_skipping_resumes_it_as_a_verification_does()
    {
        var atIdentity = AtIdentity();
        var (skipped, skipEffects) = Executor.Advance(TestDefinitions.Erasure, atIdentity,
            new Skip("dpo", "Known customer, met in person."), Context("identity-proof"));
        var (_, verifyEffects) = Executor.Advance(TestDefinitions.Erasure, atIdentity,
            new IdentityVerified("manual", "Known customer.", "dpo"), Context("identity-proof"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(skipEffects.OfType<Effect.ResumeClock>(), Has.Exactly(1).Items);
            Assert.That(verifyEffects.OfType<Effect.ResumeClock>(), Has.Exactly(1).Items);
            Assert.That(skipped.WaitingFor, Is.EqualTo(Bookmarks.Decision("assess")));
        }
    }

    [TestCase(null)]
    [TestCase("clarification")]
    public void Without_a_stop_for_identity_neither_proof_nor_skipping_touches_the_clock(string? openStop)
    {
        var atIdentity = AtIdentity();
        var (_, skipEffects) = Executor.Advance(TestDefinitions.Erasure, atIdentity, new Skip("dpo", "Known customer."), Context(openStop));
        var (_, verifyEffects) = Executor.Advance(TestDefinitions.Erasure, atIdentity,
            new IdentityVerified("email", "link", "subject"), Context(openStop));
        Assert.That(skipEffects.Concat(verifyEffects).OfType<Effect.ResumeClock>(), Is.Empty);
    }
}
