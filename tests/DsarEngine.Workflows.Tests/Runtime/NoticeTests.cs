using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// Which notices become letters: the identity-proof request for requests that cannot be answered by e-mail alone, and
// it offers the e-mailed link only where one was sent.
public sealed class NoticeTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<Effect> Started(string channel, bool hasEmail)
    {
        var context = new StepContext(Now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30), [])
        {
            RendersPacks = true, Channel = channel, HasEmail = hasEmail,
        };
        var pending = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "erasure", 2, 0, InstanceStatus.Pending, null,
            new InstanceState(), 0, null, 1);
        return Executor.Advance(TestDefinitions.ReviewedErasure, pending, new Start(), context).Item2;
    }

    [TestCase("web-form", true, null)]
    [TestCase("email", true, null)]
    [TestCase("post", true, "email,manual")]
    [TestCase("phone", true, "email,manual")]
    [TestCase("in-person", false, "manual")]
    [TestCase("post", false, "manual")]
    [TestCase("api", false, "manual")]
    [TestCase("controller", false, null)]
    public void The_identity_proof_request_is_a_letter_only_where_the_e_mail_cannot_carry_it(string channel, bool hasEmail, string? methods)
    {
        var notice = Started(channel, hasEmail).OfType<Effect.RenderNoticeLetter>().SingleOrDefault();
        Assert.That(notice?.Model["methods"], Is.EqualTo(methods));
        if (notice is not null)
            Assert.That(notice.Kind, Is.EqualTo(Notices.IdentityRequest));
    }

    // The effect and the bus message it becomes no longer share a name; the message's full name is in outbox rows.
    [Test]
    public void The_notice_letter_effect_is_not_named_like_the_wire_message_whose_name_outbox_rows_store()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(typeof(Effect.RenderNoticeLetter).Name, Is.Not.EqualTo(typeof(Workflows.Packs.RenderNotice).Name));
            Assert.That(typeof(Workflows.Packs.RenderNotice).FullName, Is.EqualTo("DsarEngine.Workflows.Packs.RenderNotice"));
        }
    }
}
