using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Tests.Definitions;

// Every file in workflows/ is loaded here, so none can rot.
public sealed class ShippedDefinitionTests
{
    private static readonly string[] IntakeRights =
        ["access", "rectification", "erasure", "restriction", "portability", "objection", "consent-withdrawal", "post-mortem-instructions",
            "appeal", "automated-decision-review", "opt-out-of-sale-sharing", "limit-sensitive-use"];

    private static DefinitionCatalog Catalog => DefinitionLoader.LoadDirectory(DefinitionFolder.Shipped);

    private static IEnumerable<string> ShippedFiles() =>
        Directory.EnumerateFiles(DefinitionFolder.Shipped, "*.json").Select(Path.GetFileName)
            .Where(f => f != DefinitionLoader.SchemaFile).Order()!;

    // The current version of a workflow is <id>.json; older versions, kept for the instances pinned to them, <id>.v<N>.json.
    private static string FileOf(WorkflowDefinition d) =>
        Catalog.ForRight(d.Rights[0]).Version == d.Version ? $"{d.Id}.json" : $"{d.Id}.v{d.Version}.json";

    private static WorkflowDefinition Loaded(string file) => Catalog.All.Single(d => FileOf(d) == file);

    [Test]
    public void Every_shipped_file_loads_into_one_definition_each() =>
        Assert.That(Catalog.All.Select(FileOf), Is.EquivalentTo(ShippedFiles()));

    [TestCaseSource(nameof(IntakeRights))]
    public void Every_right_the_intake_accepts_has_a_workflow_named_after_it(string right)
    {
        Assert.That(Catalog.Serves(right), Is.True);
        Assert.That(Catalog.ForRight(right).Id, Is.EqualTo(right));
    }

    [TestCaseSource(nameof(ShippedFiles))]
    public void A_shipped_workflow_verifies_identity_first_acknowledges_and_ends_with_close(string file)
    {
        var steps = Loaded(file).Steps.Select(s => s.Type).ToList();
        // 11 CCR §7026(d), §7027: a California opt-out is never verified and nobody assesses it before the systems act.
        if (Loaded(file).Rights.Any(r => r is "opt-out-of-sale-sharing" or "limit-sensitive-use"))
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(steps[0], Is.EqualTo(StepTypes.Acknowledge));
                Assert.That(steps, Does.Not.Contain(StepTypes.VerifyIdentity).And.Not.Contain(StepTypes.Assess));
                Assert.That(steps, Does.Contain(StepTypes.RenderPack));
                Assert.That(steps[^2..], Is.EqualTo(new[] { StepTypes.Deliver, StepTypes.Close }));
            }
            return;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps[0], Is.EqualTo(StepTypes.VerifyIdentity));
            Assert.That(steps[1], Is.EqualTo(StepTypes.Acknowledge));
            Assert.That(steps, Does.Contain(StepTypes.Assess).And.Contain(StepTypes.RenderPack));
            Assert.That(steps[^2..], Is.EqualTo(new[] { StepTypes.Deliver, StepTypes.Close }));
        }
    }

    // The reviewer approves the rendered letter (the staff preview), and nobody (subject, recipients, downstream
    // systems) is told anything before that approval.
    [TestCaseSource(nameof(IntakeRights))]
    public void A_current_workflow_renders_the_pack_before_its_review_and_tells_nobody_before_it(string right)
    {
        var steps = Catalog.ForRight(right).Steps.Select(s => s.Type).ToList();
        var review = steps.IndexOf(StepTypes.Review);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(steps[review - 1], Is.EqualTo(StepTypes.RenderPack));
            Assert.That(steps.Skip(steps.IndexOf(StepTypes.FanOut) + 1).Take(review - steps.IndexOf(StepTypes.FanOut) - 1),
                Has.None.EqualTo(StepTypes.NotifyRecipients).And.None.EqualTo(StepTypes.PublishEvent).And.None.EqualTo(StepTypes.Deliver));
        }
    }

    [TestCaseSource(nameof(ShippedFiles))]
    public void A_shipped_file_names_the_schema_so_editors_check_it_too(string file) =>
        Assert.That(File.ReadAllText(Path.Combine(DefinitionFolder.Shipped, file)),
            Does.Contain("\"$schema\": \"./definition.schema.json\""));

    [Test]
    public void The_erasure_workflow_maps_every_parameter_from_its_file()
    {
        var erasure = Catalog.ForRight("erasure");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(erasure.Key, Is.EqualTo("erasure@2"));
            Assert.That(erasure.Clock.EscalateDaysAfter, Is.Zero);
            Assert.That(erasure.Clock.RemindDaysBefore, Is.EqualTo(new[] { 7, 2 }));
            Assert.That(erasure.Steps[0].Methods, Is.EqualTo(new[] { "email", "manual" }));
            Assert.That(erasure.Steps[0].ExpiresHours, Is.EqualTo(72));
            Assert.That(erasure.Steps[erasure.IndexOf("erase")],
                Is.EqualTo(new StepDefinition("erase", StepTypes.FanOut, Action: "erase", TimeoutHours: 168)));
            Assert.That(erasure.Steps[erasure.IndexOf("announce")].Event, Is.EqualTo("subject-erasure-requested"));
            Assert.That(erasure.Steps[erasure.IndexOf("review")].Required, Is.True);
        }
    }
}
