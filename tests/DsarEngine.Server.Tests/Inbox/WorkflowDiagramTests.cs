using System.Xml.Linq;
using DsarEngine.Server.Inbox.Request;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Tests.Inbox;

// The request page's workflow diagram (WorkflowDiagram): an SVG drawn from the definition, whose states differ in words
// and outline, not colour alone, with the refuse and reject branches the runtime takes; every shipped definition draws.
public sealed class WorkflowDiagramTests
{
    private static readonly IReadOnlyList<WorkflowDefinition> Shipped =
        DefinitionLoader.LoadDirectory(DefinitionLoader.ShippedDirectory).All;

    private static WorkflowDefinition Definition(string id) => Shipped.Where(d => d.Id == id).MaxBy(d => d.Version)!;

    private static WorkflowInstance At(WorkflowDefinition d, string stepId, string status, string? outcome = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), d.Id, d.Version, d.IndexOf(stepId), status, null,
            new InstanceState { Outcome = outcome }, 0, null, 1);

    private static XElement Draw(WorkflowDefinition d, IReadOnlyList<StepLine> steps) =>
        XElement.Parse(WorkflowDiagram.Render(d.Key, steps, "t", "list"));

    // What the diagram says of one step: its state label as drawn, and the outline that repeats it without colour.
    private static (string Label, string? Dash, string Width) Drawn(XElement svg, string stepId)
    {
        var g = svg.Elements("g").Single(e => (string?)e.Attribute("data-step") == stepId);
        var rect = g.Element("rect")!;
        return (g.Elements("text").Last().Value, (string?)rect.Attribute("stroke-dasharray"), (string)rect.Attribute("stroke-width")!);
    }

    [Test]
    public void Every_shipped_definition_draws_a_well_formed_labelled_svg_with_one_box_per_step()
    {
        Assert.That(Shipped, Has.Count.GreaterThanOrEqualTo(16));
        foreach (var d in Shipped)
        {
            // At its assessment; a workflow with none (the CCPA opt-outs: nobody assesses them) at its second step.
            var assessed = d.Steps.Any(s => s.Type == StepTypes.Assess);
            var at = assessed ? "assess" : d.Steps[1].Id;
            var steps = RequestPageQueries.Steps(d, At(d, at, InstanceStatus.Waiting));
            var svg = Draw(d, steps);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(svg.Name.LocalName, Is.EqualTo("svg"), d.Key);
                Assert.That((string?)svg.Attribute("role"), Is.EqualTo("img"), d.Key);
                Assert.That((string?)svg.Attribute("aria-describedby"), Is.EqualTo("list"), d.Key);
                Assert.That(svg.Element("title")!.Value, assessed
                    ? Does.Contain(d.Key).And.Contain("now at step 3 (Assess the request, current step)")
                    : Does.Contain(d.Key).And.Contain("now at step 2 (").And.Contain(", current step)"));
                Assert.That(svg.Elements("g").Count(g => g.Attribute("data-step") is not null), Is.EqualTo(d.Steps.Count), d.Key);
                // A rejected letter goes back to its render (v2 renders before the review); a refusal jumps over the steps
                // between the assessment and the letter (not drawn where the letter is the very next step).
                var types = d.Steps.Select(s => s.Type).ToList();
                var expected = new List<string>();
                if (assessed && types.IndexOf(StepTypes.RenderPack) > types.IndexOf(StepTypes.Assess) + 1)
                    expected.Add("if refused");
                if (types.IndexOf(StepTypes.RenderPack) < types.IndexOf(StepTypes.Review))
                    expected.Add("if rejected");
                var drawn = svg.Elements("g").Where(g => (string?)g.Attribute("class") == "wf-branch")
                    .Select(g => g.Element("text")!.Value);
                Assert.That(drawn, Is.EquivalentTo(expected), d.Key);
            }
        }
    }

    [Test]
    public void Done_current_waiting_attention_and_skipped_steps_differ_in_words_and_outline_not_only_colour()
    {
        var access = Definition("access");
        var atCollect = Draw(access, RequestPageQueries.Steps(access, At(access, "collect", InstanceStatus.Waiting)));
        var stuck = Draw(access, RequestPageQueries.Steps(access, At(access, "collect", InstanceStatus.NeedsAttention)));
        var erasure = Definition("erasure");
        var refused = Draw(erasure, RequestPageQueries.Steps(erasure, At(erasure, "review", InstanceStatus.Waiting, "refused")));
        var states = new[]
        {
            Drawn(atCollect, "assess"), Drawn(atCollect, "collect"), Drawn(atCollect, "pack"), Drawn(stuck, "collect"),
            Drawn(refused, "erase"),
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(states.Select(s => s.Label), Is.EqualTo(new[] { "Done", "Current step", "Waiting", "Needs attention", "Skipped" }));
            Assert.That(states.Select(s => (s.Dash, s.Width)).Distinct().Count(), Is.EqualTo(states.Length),
                "each state has its own outline (dash pattern or width)");
            Assert.That(Drawn(refused, "announce").Label, Is.EqualTo("Skipped"), "a refusal publishes no erasure event");
            Assert.That(Drawn(refused, "erased").Label, Is.EqualTo("Skipped"));
            Assert.That(Drawn(refused, "pack").Label, Is.EqualTo("Done"), "the refusal letter was rendered");
        }
    }

    [Test]
    public void A_withdrawn_request_shows_where_it_stopped_and_nothing_after_it_as_done()
    {
        var erasure = Definition("erasure");
        var withdrawn = Draw(erasure, RequestPageQueries.Steps(erasure, At(erasure, "assess", InstanceStatus.Closed, "withdrawn")));
        var closed = Draw(erasure, RequestPageQueries.Steps(erasure, At(erasure, "assess", InstanceStatus.Closed, "closed")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Drawn(withdrawn, "acknowledge").Label, Is.EqualTo("Done"));
            Assert.That(Drawn(withdrawn, "assess").Label, Is.EqualTo("Withdrawn here"));
            Assert.That(Drawn(withdrawn, "erase").Label, Is.EqualTo("Not reached"));
            Assert.That((Drawn(withdrawn, "assess").Dash, Drawn(withdrawn, "assess").Width),
                Is.Not.EqualTo((Drawn(closed, "assess").Dash, Drawn(closed, "assess").Width)), "told apart by outline, not colour only");
        }
    }

    [Test]
    public void A_step_s_text_is_escaped_into_the_svg()
    {
        var steps = new[] { new StepLine(0, "x", "custom", "<script>alert(1)</script> & more", StepState.Current) };
        var markup = WorkflowDiagram.Render("evil\"<def>", steps, "t", "list");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(markup, Does.Not.Contain("<script>"));
            Assert.That(XElement.Parse(markup).Elements("g").Single().Value, Does.Contain("<script>alert(1)</script> & more"));
        }
    }
}
