using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// GDPR Art. 21(3) and 7(3): what cannot be refused; Art. 21(1): the assessment recorded; Art. 22(3): the human review.
public sealed class ObjectionTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConnectorInfo Crm = new("crm", ["stop-processing"], 48);

    private static readonly WorkflowDefinition Objection = DefinitionLoader.LoadDirectory(Definitions.DefinitionFolder.Shipped)
        .ForRight("objection");

    private static readonly WorkflowDefinition ObjectionV2 = DefinitionLoader.LoadDirectory(Definitions.DefinitionFolder.Shipped)
        .Find("objection", 2)!;

    private static readonly WorkflowDefinition Review = DefinitionLoader.LoadDirectory(Definitions.DefinitionFolder.Shipped)
        .ForRight("automated-decision-review");

    private static StepContext Context(string right, string? purpose) =>
        new(Now, right, "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30), [Crm]) { Purpose = purpose };

    private static (WorkflowInstance Instance, IReadOnlyList<Effect> Effects) Verified(WorkflowDefinition definition, StepContext context)
    {
        var pending = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), definition.Id, definition.Version, 0,
            InstanceStatus.Pending, null, new InstanceState(), 0, null, 1);
        var (started, _) = Executor.Advance(definition, pending, new Start(), context);
        return Executor.Advance(definition, started, new IdentityVerified("manual", "checked", "staff"), context);
    }

    private static Decision Decide(string outcome, string? reason = null, params string[] exemptions) =>
        new("assess", outcome, reason, exemptions, "dpo");

    [Test]
    public void A_direct_marketing_objection_goes_from_identity_to_stopping_the_processing_without_an_assessment()
    {
        var (instance, effects) = Verified(Objection, Context("objection", "direct-marketing"));
        var journal = effects.OfType<Effect.Journal>().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
            Assert.That(Objection.Steps[instance.StepIndex].Id, Is.EqualTo("stop"));
            Assert.That(journal.Select(j => j.Kind), Does.Contain("assessment-not-needed").And.Not.Contain("awaiting-decision"));
            Assert.That(effects.OfType<Effect.SendToConnector>().Single().Command.Action, Is.EqualTo("stop-processing"));
            Assert.That(instance.State.Outcome, Is.EqualTo("completed"));
        }
    }

    [Test]
    public void Any_other_objection_waits_for_its_assessment() =>
        Assert.That(Verified(Objection, Context("objection", "profiling")).Instance.WaitingFor, Is.EqualTo(Bookmarks.Decision("assess")));

    // Instances pinned to objection@2 still stop at assess: the executor refuses the refusal there, whatever the definition.
    [TestCase(Decisions.Refuse)]
    [TestCase(Decisions.Partial)]
    public void Refusing_a_direct_marketing_objection_is_refused_and_changes_nothing(string outcome)
    {
        var context = Context("objection", "direct-marketing");
        var (atAssess, _) = Verified(ObjectionV2, context);
        var (after, effects) =
            Executor.Advance(ObjectionV2, atAssess, Decide(outcome, "We want to keep mailing.", "Art. 6(1)(f)"), context);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after, Is.EqualTo(atAssess));
            Assert.That(effects, Is.EqualTo(new[] { effects.OfType<Effect.Refuse>().Single() }));
            Assert.That(effects.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.RefusalNotAllowed));
            Assert.That(effects.OfType<Effect.Refuse>().Single().Reason, Does.Contain("Art. 21(3)"));
        }
    }

    [Test]
    public void A_consent_withdrawal_cannot_be_refused_but_may_name_another_lawful_basis()
    {
        var definition = DefinitionLoader.LoadDirectory(Definitions.DefinitionFolder.Shipped).ForRight("consent-withdrawal");
        var context = Context("consent-withdrawal", "analytics");
        var (atAssess, _) = Verified(definition, context);
        var (_, refused) = Executor.Advance(definition, atAssess, Decide(Decisions.Refuse, "No."), context);
        var (partial, _) = Executor.Advance(definition, atAssess, Decide(Decisions.Partial, null, "billing: Art. 6(1)(c)"), context);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.OfType<Effect.Refuse>().Single().Reason, Does.Contain("Art. 7(3)"));
            Assert.That(partial.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
        }
    }

    [Test]
    public void An_objection_on_grounds_of_the_subjects_situation_needs_its_assessment_recorded()
    {
        var context = Context("objection", "legitimate-interests");
        var (atAssess, _) = Verified(Objection, context);
        var (unchanged, refused) = Executor.Advance(Objection, atAssess, Decide(Decisions.Proceed), context);
        var (stopping, effects) = Executor.Advance(Objection, atAssess,
            Decide(Decisions.Proceed, "Fraud scoring is not needed for a closed account."), context);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(unchanged, Is.EqualTo(atAssess));
            Assert.That(refused.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.AssessmentRequired));
            Assert.That(stopping.State.Assessment,
                Is.EqualTo(new ObjectionAssessment("Fraud scoring is not needed for a closed account.", "no")));
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Does.Contain("objection-assessed"));
        }
    }

    [Test]
    public void Compelling_grounds_that_override_refuse_the_objection_and_are_kept_for_its_letter()
    {
        var context = Context("objection", "profiling");
        var (atAssess, _) = Verified(Objection, context);
        var (refused, _) = Executor.Advance(Objection, atAssess,
            Decide(Decisions.Refuse, "Fraud prevention required by law.") with { Grounds = "Anti-fraud duty, Art. 6(1)(c)." }, context);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.State.Outcome, Is.EqualTo("refused"));
            Assert.That(refused.State.Assessment, Is.EqualTo(new ObjectionAssessment("Anti-fraud duty, Art. 6(1)(c).", "yes")));
        }
    }

    [Test]
    public void An_automated_decision_review_records_the_human_review_before_the_letter()
    {
        var context = Context("automated-decision-review", null);
        var (atAssess, _) = Verified(Review, context);
        var review = new AutomatedDecisionReview("changed", "Your income was misread.", "A score of payment history.",
            "It decides the credit limit.", "A lower limit.");
        var (_, missing) = Executor.Advance(Review, atAssess, Decide(Decisions.Proceed, "ok"), context);
        var (_, partial) = Executor.Advance(Review, atAssess, Decide(Decisions.Partial, "ok", "x") with { Review = review }, context);
        var (reviewed, effects) = Executor.Advance(Review, atAssess, Decide(Decisions.Proceed) with { Review = review }, context);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.ReviewRequired));
            Assert.That(partial.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.ReviewRequired));
            Assert.That(reviewed.State.AutomatedReview, Is.EqualTo(review));
            Assert.That(Review.Steps[reviewed.StepIndex].Type, Is.EqualTo(StepTypes.Review), "rendering is off: the pack passes");
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Does.Contain("automated-decision-reviewed"));
        }
    }
}
