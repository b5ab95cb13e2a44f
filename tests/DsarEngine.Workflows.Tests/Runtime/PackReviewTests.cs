using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// A definition that reviews after render-pack: the reviewer approves the letter itself, before the subject, the
// recipients or downstream systems hear anything; a rejected letter is rendered again once the cause is fixed.
public sealed class PackReviewTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly StepContext Rendering =
        new(Now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30), [new ConnectorInfo("crm", ["erase"], 48)])
        {
            RendersPacks = true,
        };

    private static (WorkflowInstance, IReadOnlyList<Effect>) Advance(WorkflowInstance i, Signal s) =>
        Executor.Advance(TestDefinitions.ReviewedErasure, i, s, Rendering);

    private static WorkflowInstance Assessed(string outcome, out IReadOnlyList<Effect> effects)
    {
        var pending = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "erasure", 2, 0, InstanceStatus.Pending, null,
            new InstanceState(), 0, null, 1);
        var i = Advance(pending, new Start()).Item1;
        i = Advance(i, new IdentityVerified("manual", "checked", "staff")).Item1;
        (i, effects) = Advance(i, new Decision("assess", outcome, outcome == Decisions.Refuse ? "Manifestly unfounded." : null, [], "dpo"));
        return i;
    }

    private static WorkflowInstance AtReview(out IReadOnlyList<Effect> effects)
    {
        var fanned = Assessed(Decisions.Proceed, out _);
        var (rendering, renderEffects) = Advance(fanned, Replies.Done(fanned.State.Tasks.Single().TaskId));
        Assert.That(renderEffects.OfType<Effect.RenderPack>(), Has.Exactly(1).Items);
        var (atReview, reviewEffects) = Advance(rendering, new PackRendered(Guid.NewGuid(), "ab", 10, null));
        effects = [.. renderEffects, .. reviewEffects];
        return atReview;
    }

    [Test]
    public void The_letter_is_rendered_and_waits_for_the_reviewer_before_anyone_is_told()
    {
        var atReview = AtReview(out var effects);
        var (closed, approvedEffects) = Advance(atReview, new Decision("review", Decisions.Approve, null, [], "dpo"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(atReview.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
            Assert.That(atReview.State.PackId, Is.Not.Null, "the letter to preview exists");
            Assert.That(effects.OfType<Effect.Mail>().Select(m => m.Template), Does.Not.Contain("response-ready"));
            Assert.That(effects.OfType<Effect.PublishEvent>().Select(e => e.Name),
                Does.Not.Contain("subject-erased").And.Not.Contain("recipients-notification-requested"));
            Assert.That(approvedEffects.OfType<Effect.PublishEvent>().Select(e => e.Name),
                Is.EqualTo(new[] { "recipients-notification-requested", "subject-erased" }));
            Assert.That(approvedEffects.OfType<Effect.Mail>().Single().Template, Is.EqualTo("response-ready"));
            Assert.That(closed.Status, Is.EqualTo(InstanceStatus.Closed));
        }
    }

    [Test]
    public void A_rejected_letter_is_rendered_again_on_retry_and_reviewed_again()
    {
        var atReview = AtReview(out var effects);
        var (rejected, rejectEffects) = Advance(atReview,
            new Decision("review", Decisions.Reject, "The billing retention date is wrong.", [], "dpo"));
        var (rerendering, retryEffects) = Advance(rejected, new Retry("dpo"));
        var (again, _) = Advance(rerendering, new PackRendered(Guid.NewGuid(), "cd", 12, null));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rejected.Status, Is.EqualTo(InstanceStatus.NeedsAttention));
            Assert.That(rejected.LastError, Does.Contain("billing retention date"));
            Assert.That(rejectEffects.OfType<Effect.Mail>(), Is.Empty, "nothing reaches the subject");
            Assert.That(rerendering.WaitingFor, Is.EqualTo(Bookmarks.Pack));
            Assert.That(retryEffects.OfType<Effect.RenderPack>().Single().MessageId,
                Is.Not.EqualTo(effects.OfType<Effect.RenderPack>().Single().MessageId), "a new render, not a duplicate of the first");
            Assert.That(again.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
        }
    }

    [Test]
    public void Every_rejection_renders_the_letter_again_under_a_new_command_id()
    {
        var atReview = AtReview(out var effects);
        var renders = new List<Guid> { effects.OfType<Effect.RenderPack>().Single().MessageId };
        var i = atReview;
        for (var rejection = 1; rejection <= 3; rejection++)
        {
            var (rejected, _) = Advance(i, new Decision("review", Decisions.Reject, $"Wrong date, take {rejection}.", [], "dpo"));
            var (rerendering, retryEffects) = Advance(rejected, new Retry("dpo"));
            renders.Add(retryEffects.OfType<Effect.RenderPack>().Single().MessageId);
            Assert.That(rerendering.WaitingFor, Is.EqualTo(Bookmarks.Pack), $"rejection {rejection} renders again");
            i = Advance(rerendering, new PackRendered(Guid.NewGuid(), "cd", 12, null, renders[^1])).Item1;
            Assert.That(i.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")), $"the letter of rejection {rejection} is reviewed");
        }
        Assert.That(renders, Is.Unique.And.Count.EqualTo(4), "the outbox keeps one row per id: a repeated id would be a render never sent");
    }

    [Test]
    public void A_refusal_is_reviewed_as_a_letter_and_announces_no_erasure()
    {
        var atPack = Assessed(Decisions.Refuse, out _);
        var (atReview, _) = Advance(atPack, new PackRendered(Guid.NewGuid(), "ab", 10, null));
        var (closed, effects) = Advance(atReview, new Decision("review", Decisions.Approve, null, [], "dpo"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(atPack.WaitingFor, Is.EqualTo(Bookmarks.Pack));
            Assert.That(atReview.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
            Assert.That(effects.OfType<Effect.PublishEvent>(), Is.Empty, "no recipient notice, no subject-erased event");
            Assert.That(effects.OfType<Effect.Mail>().Single().Template, Is.EqualTo("refusal-letter"));
            Assert.That(closed.State.Outcome, Is.EqualTo("refused"));
        }
    }
}
