using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// The render-pack step waits for the renderer with a timer: a letter that never comes is seen by a person, a letter
// that comes late is still taken, and the answer to a render that a retry replaced changes nothing.
public sealed class PackTimeoutTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static StepContext Rendering(DateTimeOffset now) =>
        new(now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30), [new ConnectorInfo("crm", ["erase"], 48)])
        { RendersPacks = true, RenderTimeout = TimeSpan.FromMinutes(45) };

    private static (WorkflowInstance, IReadOnlyList<Effect>) Advance(WorkflowInstance i, Signal s, DateTimeOffset? now = null) =>
        Executor.Advance(TestDefinitions.ReviewedErasure, i, s, Rendering(now ?? Now));

    // At the pack step, its render command sent (the effects of the step that asked for it).
    private static WorkflowInstance AtPack(out IReadOnlyList<Effect> effects)
    {
        var i = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "erasure", 2, 0, InstanceStatus.Pending, null,
            new InstanceState(), 0, null, 1);
        i = Advance(i, new Start()).Item1;
        i = Advance(i, new IdentityVerified("manual", "checked", "staff")).Item1;
        i = Advance(i, new Decision("assess", Decisions.Proceed, null, [], "dpo")).Item1;
        (i, effects) = Advance(i, Replies.Done(i.State.Tasks.Single().TaskId));
        Assert.That(i.WaitingFor, Is.EqualTo(Bookmarks.Pack));
        return i;
    }

    private static TimerFired Timeout(IReadOnlyList<Effect> effects) =>
        new(TimerKinds.PackTimeout, effects.OfType<Effect.ScheduleTimer>().Single(t => t.Kind == TimerKinds.PackTimeout).StepId);

    private static Guid RenderOf(IReadOnlyList<Effect> effects) => effects.OfType<Effect.RenderPack>().Single().MessageId;

    [Test]
    public void The_pack_step_waits_with_a_timer_and_needs_a_person_when_no_letter_arrives_in_time()
    {
        var atPack = AtPack(out var effects);
        var (late, lateEffects) = Advance(atPack, Timeout(effects), Now.AddMinutes(45));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(effects.OfType<Effect.ScheduleTimer>().Single(t => t.Kind == TimerKinds.PackTimeout).DueAt,
                Is.EqualTo(Now.AddMinutes(45)));
            Assert.That(late.Status, Is.EqualTo(InstanceStatus.NeedsAttention));
            Assert.That(late.LastError, Does.StartWith("The response pack was not rendered in time (45 minutes)."));
            Assert.That(lateEffects.OfType<Effect.SetRequestStatus>().Single().Status, Is.EqualTo("needs-attention"));
        }
    }

    [Test]
    public void A_letter_in_time_cancels_the_timer_and_the_timer_then_changes_nothing()
    {
        var atPack = AtPack(out var effects);
        var (reviewed, renderedEffects) = Advance(atPack, new PackRendered(Guid.NewGuid(), "ab", 10, null, RenderOf(effects)));
        var (after, timerEffects) = Advance(reviewed, Timeout(effects), Now.AddMinutes(45));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(renderedEffects.OfType<Effect.CancelTimers>().Select(c => c.Kind), Does.Contain(TimerKinds.PackTimeout));
            Assert.That(after, Is.EqualTo(reviewed));
            Assert.That(timerEffects, Is.Empty);
        }
    }

    [Test]
    public void A_letter_that_arrives_after_the_timeout_is_still_taken()
    {
        var atPack = AtPack(out var effects);
        var (late, _) = Advance(atPack, Timeout(effects), Now.AddMinutes(45));
        var (reviewed, renderedEffects) = Advance(late, new PackRendered(Guid.NewGuid(), "ab", 10, null, RenderOf(effects)),
            Now.AddMinutes(50));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reviewed.Status, Is.EqualTo(InstanceStatus.Waiting));
            Assert.That(reviewed.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")), "the letter exists: a person need not retry");
            Assert.That(reviewed.LastError, Is.Null);
            Assert.That(renderedEffects.OfType<Effect.Journal>().First().Kind, Is.EqualTo("pack-rendered"));
        }
    }

    [Test]
    public void After_a_retry_only_the_new_render_is_awaited_and_the_answer_to_the_old_one_changes_nothing()
    {
        var atPack = AtPack(out var effects);
        var (late, _) = Advance(atPack, Timeout(effects), Now.AddMinutes(45));
        var (rerendering, retryEffects) = Advance(late, new Retry("dpo"), Now.AddMinutes(50));
        var (stale, staleEffects) = Advance(rerendering, new PackRendered(Guid.NewGuid(), "ab", 10, null, RenderOf(effects)),
            Now.AddMinutes(51));
        var (reviewed, _) = Advance(rerendering, new PackRendered(Guid.NewGuid(), "cd", 12, null, RenderOf(retryEffects)),
            Now.AddMinutes(52));
        var (oldTimer, oldTimerEffects) = Advance(rerendering, Timeout(effects), Now.AddMinutes(95));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RenderOf(retryEffects), Is.Not.EqualTo(RenderOf(effects)));
            Assert.That(retryEffects.OfType<Effect.ScheduleTimer>().Single(t => t.Kind == TimerKinds.PackTimeout).DueAt,
                Is.EqualTo(Now.AddMinutes(95)));
            Assert.That((stale, staleEffects.Count), Is.EqualTo((rerendering, 0)), "the superseded render's letter is not the one awaited");
            Assert.That(reviewed.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
            Assert.That((oldTimer, oldTimerEffects.Count), Is.EqualTo((rerendering, 0)),
                "the first render's timer is not the new render's");
        }
    }

    [Test]
    public void Skipping_the_pack_step_cancels_its_timer()
    {
        var atPack = AtPack(out _);
        var (_, effects) = Advance(atPack, new Skip("dpo", "Letter posted by hand."));
        Assert.That(effects.OfType<Effect.CancelTimers>().Select(c => c.Kind), Does.Contain(TimerKinds.PackTimeout));
    }
}
