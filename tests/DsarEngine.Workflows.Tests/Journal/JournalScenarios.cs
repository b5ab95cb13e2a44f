using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Tests.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Journal;

// Runs of the executor that between them write every journal kind it knows, each returning the journal entries in
// the order written. Everything is fixed (ids, instants), so the data of each entry is the same on every run.
internal static class JournalScenarios
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Request = Guid.Parse("0195a0c4-0000-7000-8000-000000000001");
    private static readonly Guid Tenant = Guid.Parse("0195a0c4-0000-7000-8000-0000000000ff");
    private static readonly Guid Pack = Guid.Parse("0195a0c4-0000-7000-8000-00000000aaaa");
    private static readonly Guid Export = Guid.Parse("0195a0c4-0000-7000-8000-00000000eeee");
    private static readonly ConnectorInfo Crm = new("crm", ["export", "erase"], 48);
    private static readonly ConnectorInfo Billing = new("billing", ["erase"], 48);

    // Erasure with a review that a person need not do (no connector asks for one).
    private static readonly WorkflowDefinition Unreviewed = TestDefinitions.Erasure with
    {
        Steps = [.. TestDefinitions.Erasure.Steps.Select(s => s.Type == StepTypes.Review ? s with { Required = false } : s)],
    };

    private static StepContext Context(params ConnectorInfo[] connectors) =>
        new(Now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30), connectors);

    public static readonly IReadOnlyDictionary<string, Func<IReadOnlyList<Effect.Journal>>> All =
        new Dictionary<string, Func<IReadOnlyList<Effect.Journal>>>
        {
            ["answered in part"] = AnsweredInPart,
            ["connector trouble"] = ConnectorTrouble,
            ["letters rendered"] = LettersRendered,
            ["refused with a letter"] = RefusedWithALetter,
            ["the clock"] = TheClock,
            ["no connector, old timeout, operator close"] = Leftovers,
            ["withdrawn by the subject"] = WithdrawnBySubject,
            ["no identity check needed"] = NoIdentityCheck,
            ["objections and automated decisions"] = ObjectionsAndAutomatedDecisions,
            ["kept in part, restriction lifted"] = KeptAndLifted,
            ["erasure carried out again after a restore"] = ReappliedAfterRestore,
        };

    // Identity, assessment (partial, with exemptions), two connectors answering, review, delivery, close.
    private static IReadOnlyList<Effect.Journal> AnsweredInPart()
    {
        var run = new ScenarioRun(TestDefinitions.Erasure, Context(Crm, Billing));
        run.Send(new Start());
        run.Send(new IdentityVerified("email", "one-time link", "subject"));
        run.Send(new Decision("assess", Decisions.Partial, "Invoices are kept.", ["GDPR Art. 17(3)(b)"], "dpo"));
        run.Send(new TaskProgressed(run.Task("crm"), "queued"));
        run.Send(new TaskCompleted(run.Task("crm"), "partial", "profile erased, invoices kept",
            [new RetainedItem("invoices", "Code de commerce L123-22", new DateOnly(2035, 1, 1))], ["ads-partner"],
            new ExportRef(Export, 2048, "ab12", 3, ["profile"])) { Connector = "crm" });
        run.Send(Replies.NotFound(run.Task("billing")));
        run.Send(new Decision("review", Decisions.Approve, null, [], "dpo"));
        return run.Journal;
    }

    // A retryable failure and its resend, a timeout, a final failure, a person's retry, a manual completion and a skip.
    private static IReadOnlyList<Effect.Journal> ConnectorTrouble()
    {
        var run = new ScenarioRun(TestDefinitions.Erasure, Context(Crm, Billing));
        run.Send(new Start());
        run.Send(new IdentityVerified("manual", "passport seen", "staff"));
        run.Send(new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        run.Send(new TaskFailed(run.Task("crm"), true, "unavailable", "database down"));
        run.Send(new TimerFired(TimerKinds.TaskRetry, run.Task("crm").ToString("N")));
        run.Send(new TimerFired(TimerKinds.TaskTimeout, run.Task("crm").ToString("N")));
        run.Send(new TaskFailed(run.Task("billing"), false, "schema", "billing schema unknown"));
        run.Send(new RetryTask(run.Task("billing"), "ops"));
        run.Send(new TaskCompletedManually(run.Task("crm"), "done", "Erased by hand in the CRM.", [],
            new ExportRef(Export, 10, "cd34", 1, ["profile"]), "ops"));
        run.Send(new TimerFired(TimerKinds.TaskTimeout, run.Task("billing").ToString("N")));
        run.Send(new Retry("ops"));
        run.Send(new Skip("ops", "Billing holds nothing about this subject."));
        return run.Journal;
    }

    // Packs rendered, a request on paper (its identity notice a letter), a review that passes through, a late pack.
    private static IReadOnlyList<Effect.Journal> LettersRendered()
    {
        var run = new ScenarioRun(Unreviewed, Context(Crm) with { RendersPacks = true, Channel = "post" });
        run.Send(new Start());
        run.Send(new NoticeRendered(Notices.IdentityRequest, Pack, "ef56", null));
        run.Send(new NoticeRendered(Notices.IdentityRequest, Guid.Empty, "", "The browser died."));
        run.Send(new IdentityVerified("manual", "letter signed", "staff"));
        run.Send(new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        run.Send(Replies.Done(run.Task("crm")));
        run.Send(new TimerFired(TimerKinds.PackTimeout,
            run.Instance.State.Renders.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        run.Send(new PackRendered(Pack, "0f0f", 4096, null));
        return run.Journal;
    }

    // A refusal renders its letter, which is reviewed; nothing is then announced to recipients or downstream.
    private static IReadOnlyList<Effect.Journal> RefusedWithALetter()
    {
        var run = new ScenarioRun(TestDefinitions.ReviewedErasure, Context(Crm) with { RendersPacks = true });
        run.Send(new Start());
        run.Send(new IdentityVerified("email", "one-time link", "subject"));
        run.Send(new Decision("assess", Decisions.Refuse, "Manifestly unfounded.", [], "dpo"));
        run.Send(new PackRendered(Pack, "0f0f", 4096, null));
        run.Send(new Decision("review", Decisions.Approve, null, [], "dpo"));
        return run.Journal;
    }

    // Extension, a stop and its resumption, a reminder, an escalation and a re-arm.
    private static IReadOnlyList<Effect.Journal> TheClock()
    {
        var clock = new Workflows.Requests.RequestClock("gdpr", "FR", "Europe/Paris", Now, false,
            Workflows.Deadlines.ExtensionMethod.FromReceipt, []);
        var run = new ScenarioRun(TestDefinitions.Erasure, Context(Crm) with { Clock = clock });
        run.Send(new Start());
        run.Send(new IdentityVerified("manual", "checked", "staff"));
        run.Send(new Extend("Fourteen systems to search.", "dpo"), run.Context with { Now = Now.AddDays(10) });
        run.Send(new PauseClock("clarification", "Asked which accounts.", "dpo"), run.Context with { Now = Now.AddDays(11) });
        run.Send(new ResumeClock("The subject answered.", "dpo"), run.Context with { Now = Now.AddDays(15) });
        run.Send(new TimerFired(TimerKinds.Reminder, "7"), run.Context with { Now = Now.AddDays(25) });
        run.Send(new TimerFired(TimerKinds.Escalation, null), run.Context with { Now = Now.AddDays(31) });
        run.Send(new RearmTimers("ops"));
        return run.Journal;
    }

    // A fan-out no connector can do, an older instance's step timeout, and an operator closing the request.
    private static IReadOnlyList<Effect.Journal> Leftovers()
    {
        var skipped = new ScenarioRun(TestDefinitions.Erasure, Context(new ConnectorInfo("crm", ["export"], 48)));
        skipped.Send(new Start());
        skipped.Send(new IdentityVerified("manual", "checked", "staff"));
        skipped.Send(new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        var old = new ScenarioRun(TestDefinitions.Erasure, Context(Crm, Billing));
        old.Send(new Start());
        old.Send(new IdentityVerified("manual", "checked", "staff"));
        old.Send(new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        old.Send(new TimerFired(TimerKinds.FanOutTimeout, "erase"));
        old.Send(new Close("dpo", "The subject withdrew the request by phone."));
        return [.. skipped.Journal.Where(j => j.Kind == "fan-out-skipped"), .. old.Journal.SkipWhile(j => j.Kind != "fan-out-timed-out")];
    }

    // The subject withdraws while one connector has answered and one has not; the other answers afterwards.
    // GDPR Art. 21(3): a direct-marketing objection passes assess; Art. 21(1): an assessment; Art. 22(3): a human review.
    private static IReadOnlyList<Effect.Journal> ObjectionsAndAutomatedDecisions()
    {
        var shipped = DefinitionLoader.LoadDirectory(Definitions.DefinitionFolder.Shipped);
        StepContext For(string right, string? purpose) => Context(new ConnectorInfo("crm", ["stop-processing"], 48)) with
        {
            Right = right, Purpose = purpose,
        };
        var marketing = new ScenarioRun(shipped.ForRight("objection"), For("objection", "direct-marketing"));
        marketing.Send(new Start());
        marketing.Send(new IdentityVerified("manual", "checked", "staff"));
        var profiling = new ScenarioRun(shipped.ForRight("objection"), For("objection", "profiling"));
        profiling.Send(new Start());
        profiling.Send(new IdentityVerified("manual", "checked", "staff"));
        profiling.Send(new Decision("assess", Decisions.Partial, "Scoring for fraud goes on.", ["fraud scoring"], "dpo"));
        var review = new ScenarioRun(shipped.ForRight("automated-decision-review"), For("automated-decision-review", null));
        review.Send(new Start());
        review.Send(new IdentityVerified("manual", "checked", "staff"));
        review.Send(new Decision("assess", Decisions.Proceed, null, [], "dpo")
        {
            Review = new AutomatedDecisionReview("upheld", "Checked by hand.", "A payment score.", "Sets the limit.", "A lower limit."),
        });
        string[] kinds = ["assessment-not-needed", "objection-assessed", "automated-decision-reviewed"];
        return [.. marketing.Journal.Concat(profiling.Journal).Concat(review.Journal).Where(j => kinds.Contains(j.Kind))];
    }

    private static IReadOnlyList<Effect.Journal> WithdrawnBySubject()
    {
        var run = new ScenarioRun(TestDefinitions.Erasure, Context(Crm, Billing));
        run.Send(new Start());
        run.Send(new IdentityVerified("manual", "checked", "staff"));
        run.Send(new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        run.Send(Replies.Done(run.Task("crm")));
        run.Send(new Withdraw("subject"));
        run.Send(Replies.Partial(run.Task("billing")));
        return [.. run.Journal.SkipWhile(j => j.Kind != "withdrawn-by-subject")];
    }

    // The organisation's identity policy asks nothing of this request (e.g. a consent withdrawal).
    private static IReadOnlyList<Effect.Journal> NoIdentityCheck()
    {
        var run = new ScenarioRun(TestDefinitions.Erasure, Context(Crm, Billing) with { IdentityCheck = "none" });
        run.Send(new Start());
        return [.. run.Journal.Take(2)];
    }

    // GDPR Art. 17(3): a partial erasure keeps a category in one system, another system keeps one nobody named; then a
    // restriction carried out is lifted (Art. 18(3)): the notice, the commands, a system's answer.
    private static IReadOnlyList<Effect.Journal> KeptAndLifted()
    {
        var erasure = new ScenarioRun(TestDefinitions.Erasure, Context(Crm, Billing));
        erasure.Send(new Start());
        erasure.Send(new IdentityVerified("manual", "checked", "staff"));
        erasure.Send(new Decision("assess", Decisions.Partial, "Invoices are kept.", ["GDPR Art. 17(3)(b)"], "dpo")
        {
            Keep = [new ErasureExemption("invoices", "Code de commerce L123-22", "billing")],
        });
        erasure.Send(new TaskCompleted(erasure.Task("crm"), "partial", "profile erased, notes kept",
            [new RetainedItem("notes", "legitimate interest", null)], [], null));
        var lift = new ConnectorInfo("crm", ["restrict", "lift-restriction"], 48);
        var at = Context(lift) with { Right = "restriction" };
        var restriction = new ScenarioRun(TestDefinitions.Restriction, at);
        restriction.Send(new Start());
        restriction.Send(new IdentityVerified("manual", "checked", "staff"));
        restriction.Send(new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        restriction.Send(Replies.Done(restriction.Task("crm")));
        restriction.Send(new LiftRestriction("The accuracy was verified.", Now.AddDays(14), "dpo"));
        restriction.Send(new TimerFired(TimerKinds.RestrictionLift, Executor.LiftStep), at with { Now = Now.AddDays(14) });
        restriction.Send(Replies.Done(restriction.Instance.State.Tasks.Single(t => t.StepId == Executor.LiftStep).TaskId));
        return [.. erasure.Journal.Where(j => j.Kind is "decided" or "kept-beyond-instructions"),
            .. restriction.Journal.Where(j => j.Kind.StartsWith("restriction-lift", StringComparison.Ordinal))];
    }

    // A system restored from a backup taken the day before the erasure: the erase command again, and its answer.
    private static IReadOnlyList<Effect.Journal> ReappliedAfterRestore()
    {
        var run = new ScenarioRun(Unreviewed, Context(Crm, Billing));
        run.Send(new Start());
        run.Send(new IdentityVerified("manual", "checked", "staff"));
        run.Send(new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        run.Send(Replies.Done(run.Task("crm")));
        run.Send(Replies.NotFound(run.Task("billing")));
        Assert.That(run.Instance.Status, Is.EqualTo(InstanceStatus.Closed));
        run.Send(new ReapplyErasure(Pack, "crm", Now.AddDays(-1), "admin"));
        run.Send(Replies.Done(run.Instance.State.Tasks.Single(t => t.StepId == Executor.ReapplyStep).TaskId));
        return [.. run.Journal.Where(j => j.Kind.StartsWith("erasure-reappl", StringComparison.Ordinal))];
    }

    private sealed class ScenarioRun(WorkflowDefinition definition, StepContext context)
    {
        private readonly List<Effect.Journal> journal = [];

        public WorkflowInstance Instance { get; private set; } =
            new(Request, Tenant, definition.Id, definition.Version, 0, InstanceStatus.Pending, null, new InstanceState(), 0, null, 1);

        // The clock as the last clock command left it, as the processor would store and reload it.
        public StepContext Context { get; private set; } = context;

        public IReadOnlyList<Effect.Journal> Journal => journal;

        public Guid Task(string connector) => Instance.State.Tasks.Single(t => t.Connector == connector).TaskId;

        public void Send(Signal signal, StepContext? at = null)
        {
            var (next, effects) = Executor.Advance(definition, Instance, signal, at ?? Context);
            Assert.That(effects.OfType<Effect.Refuse>(), Is.Empty, signal.ToString());
            Instance = next;
            if (effects.OfType<Effect.SetClock>().LastOrDefault() is { } set)
                Context = Context with { Clock = set.Clock };
            journal.AddRange(effects.OfType<Effect.Journal>());
        }
    }
}
