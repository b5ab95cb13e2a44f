using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// GDPR Art. 12(6): the clock stops only while the controller waits for proof of identity. Skipping the step ends the
// wait as surely as a verification, so it resumes the clock the same way (where the regime stopped it).
public sealed class IdentitySkipTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static StepContext Context(bool clockStops) =>
        new(Now, "erasure", "DSR-AAAA-BBBB-CCCC", clockStops, DueAt: Now.AddDays(30), [new ConnectorInfo("crm", ["erase"], 48)]);

    private static WorkflowInstance AtIdentity(bool clockStops, out IReadOnlyList<Effect> effects)
    {
        var pending = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "erasure", 1, 0, InstanceStatus.Pending, null,
            new InstanceState(), 0, null, 1);
        (var i, effects) = Executor.Advance(TestDefinitions.Erasure, pending, new Start(), Context(clockStops));
        Assert.That(i.WaitingFor, Is.EqualTo(Bookmarks.Identity));
        return i;
    }

    [Test]
    public void Skipping_the_identity_step_resumes_the_clock_as_a_verification_does()
    {
        var atIdentity = AtIdentity(clockStops: true, out var started);
        var (skipped, skipEffects) = Executor.Advance(TestDefinitions.Erasure, atIdentity,
            new Skip("dpo", "Known customer, met in person."), Context(true));
        var (_, verifyEffects) = Executor.Advance(TestDefinitions.Erasure, atIdentity,
            new IdentityVerified("manual", "Known customer.", "dpo"), Context(true));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(started.OfType<Effect.StopClock>().Single().Reason, Is.EqualTo("identity-proof"));
            Assert.That(skipEffects.OfType<Effect.ResumeClock>(), Has.Exactly(1).Items);
            Assert.That(verifyEffects.OfType<Effect.ResumeClock>(), Has.Exactly(1).Items);
            Assert.That(skipped.WaitingFor, Is.EqualTo(Bookmarks.Decision("assess")));
        }
    }

    [Test]
    public void Where_the_regime_keeps_the_clock_running_skipping_resumes_nothing()
    {
        var atIdentity = AtIdentity(clockStops: false, out _);
        var (_, effects) = Executor.Advance(TestDefinitions.Erasure, atIdentity, new Skip("dpo", "Known customer."), Context(false));
        Assert.That(effects.OfType<Effect.ResumeClock>(), Is.Empty);
    }
}
