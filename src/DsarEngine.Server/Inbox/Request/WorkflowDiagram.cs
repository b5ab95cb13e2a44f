using System.Globalization;
using System.Xml.Linq;
using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Server.Inbox.Request;

// The workflow drawn as an inline SVG, server-side, from its definition's steps (in order) and the branches the runtime
// takes between them: a refusal at assessment jumps ahead to the letter (GDPR Art. 12(4): the refusal gets its own
// letter), a rejected letter at review goes back to be rendered again. Each state differs in words, marker and outline,
// never colour alone (WCAG 2.1 1.4.1); the step list beside it is the text alternative (aria-describedby).
// Built with XElement, so a step's text is always escaped.
internal static class WorkflowDiagram
{
    private const int BoxX = 8, BoxWidth = 480, BoxHeight = 32, Pitch = 46, Top = 8, LaneWidth = 96;

    internal sealed record Branch(int From, int To, string Label);

    public static string Render(string definition, IReadOnlyList<StepLine> steps, string titleId, string describedBy)
    {
        var branches = Branches(steps);
        var width = BoxX + BoxWidth + 16 + Math.Max(1, branches.Count) * LaneWidth;
        var height = Top * 2 + Math.Max(1, steps.Count) * Pitch - (Pitch - BoxHeight);
        var current = steps.FirstOrDefault(s => s.State is StepState.Current or StepState.NeedsAttention);
        var svg = new XElement("svg",
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("class", "workflow-diagram"), new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", titleId), new XAttribute("aria-describedby", describedBy),
            new XAttribute("font-family", "Roboto, Helvetica, Arial, sans-serif"), new XAttribute("font-size", "13"),
            new XElement("title", new XAttribute("id", titleId),
                $"Diagram of the workflow {definition}: {steps.Count} steps"
                + (current is null ? ""
                    : $", now at step {current.Index + 1} ({current.Title}, {current.StateLabel.ToLowerInvariant()})")));
        for (var i = 0; i < steps.Count; i++)
        {
            if (i > 0)
                svg.Add(Arrow(BoxX + 24, Y(i - 1) + BoxHeight, Y(i), steps[i].State is StepState.Skipped or StepState.NotReached));
            svg.Add(Node(steps[i]));
        }
        for (var lane = 0; lane < branches.Count; lane++)
            svg.Add(BranchPath(branches[lane], lane));
        return svg.ToString(SaveOptions.DisableFormatting);
    }

    // The jumps the runtime makes that the ordered list does not show (Executor.Decisions): refuse and reject.
    internal static IReadOnlyList<Branch> Branches(IReadOnlyList<StepLine> steps)
    {
        var branches = new List<Branch>();
        foreach (var step in steps)
        {
            if (step.Type == StepTypes.Assess
                && steps.FirstOrDefault(s => s.Index > step.Index + 1 && s.Type == StepTypes.RenderPack) is { } pack)
                branches.Add(new Branch(step.Index, pack.Index, "if refused"));
            if (step.Type == StepTypes.Review
                && steps.LastOrDefault(s => s.Index < step.Index && s.Type == StepTypes.RenderPack) is { } rendered)
                branches.Add(new Branch(step.Index, rendered.Index, "if rejected"));
        }
        return branches;
    }

    private static int Y(int index) => Top + index * Pitch;

    private static XElement Node(StepLine step)
    {
        var (fill, stroke, strokeWidth, dash) = step.State switch
        {
            StepState.Done => ("#e6f2e6", "#1b5e20", 1.5, null),
            StepState.Current => ("#e8f0f8", "#1f4e79", 3.0, null),
            StepState.NeedsAttention => ("#fdecee", "#b00020", 3.0, "8 3"),
            StepState.Skipped => ("#f5f5f5", "#616161", 1.0, "2 3"),
            StepState.NotReached => ("#ffffff", "#616161", 1.0, "2 3"),
            StepState.Withdrawn => ("#fff4e5", "#8a4b00", 2.5, "4 2"),
            _ => ("#ffffff", "#424242", 1.0, "6 4"),
        };
        var y = Y(step.Index);
        var emphasis = step.State is StepState.Current or StepState.NeedsAttention;
        var pending = step.State is StepState.Waiting or StepState.NotReached or StepState.Skipped;
        var title = new XElement("text", new XAttribute("x", BoxX + 30), new XAttribute("y", y + 21),
            new XAttribute("fill", step.State is StepState.Skipped or StepState.NotReached ? "#424242" : "#1b1b1b"),
            $"{step.Index + 1}. {step.Title}");
        if (emphasis)
            title.Add(new XAttribute("font-weight", "700"));
        if (step.State == StepState.Skipped)
            title.Add(new XAttribute("text-decoration", "line-through"));
        var rect = new XElement("rect", new XAttribute("x", BoxX), new XAttribute("y", y), new XAttribute("width", BoxWidth),
            new XAttribute("height", BoxHeight), new XAttribute("rx", step.State == StepState.NeedsAttention ? 0 : 6),
            new XAttribute("fill", fill), new XAttribute("stroke", stroke),
            new XAttribute("stroke-width", strokeWidth.ToString(CultureInfo.InvariantCulture)));
        if (dash is not null)
            rect.Add(new XAttribute("stroke-dasharray", dash));
        return new XElement("g", new XAttribute("class", $"wf-step wf-{step.State.ToString().ToLowerInvariant()}"),
            new XAttribute("data-step", step.Id), rect,
            new XElement("text", new XAttribute("x", BoxX + 10), new XAttribute("y", y + 21), new XAttribute("fill", stroke),
                new XAttribute("font-weight", "700"), Marker(step.State)),
            title,
            new XElement("text", new XAttribute("x", BoxX + BoxWidth - 10), new XAttribute("y", y + 21),
                new XAttribute("text-anchor", "end"), new XAttribute("fill", "#1b1b1b"), new XAttribute("font-size", "12"),
                new XAttribute("font-style", pending ? "italic" : "normal"),
                step.StateLabel));
    }

    public static string Marker(StepState state) => state switch
    {
        StepState.Done => "✓",
        StepState.Current => "▶",
        StepState.NeedsAttention => "!",
        StepState.Skipped => "↷",
        StepState.NotReached => "–",
        _ => "○",
    };

    // A downward arrow from one step to the next; dotted into a step that was or will be passed over.
    private static XElement Arrow(int x, int fromY, int toY, bool dotted)
    {
        var line = new XElement("line", new XAttribute("x1", x), new XAttribute("y1", fromY), new XAttribute("x2", x),
            new XAttribute("y2", toY - 5), new XAttribute("stroke", "#424242"), new XAttribute("stroke-width", 1.5));
        if (dotted)
            line.Add(new XAttribute("stroke-dasharray", "2 3"));
        return new XElement("g", new XAttribute("aria-hidden", "true"), line,
            new XElement("polygon", new XAttribute("points", $"{x - 4},{toY - 6} {x + 4},{toY - 6} {x},{toY}"),
                new XAttribute("fill", "#424242")));
    }

    // A branch leaves the right edge of its step, runs down (or up) its own lane and enters the target's right edge.
    private static XElement BranchPath(Branch branch, int lane)
    {
        var edge = BoxX + BoxWidth;
        var x = edge + 16 + lane * LaneWidth + 8;
        var fromY = Y(branch.From) + BoxHeight / 2 - 4;
        var toY = Y(branch.To) + BoxHeight / 2 + 4;
        var labelY = (fromY + toY) / 2;
        return new XElement("g", new XAttribute("class", "wf-branch"),
            new XElement("path", new XAttribute("d", $"M {edge} {fromY} H {x} V {toY} H {edge + 6}"), new XAttribute("fill", "none"),
                new XAttribute("stroke", "#424242"), new XAttribute("stroke-width", 1.5), new XAttribute("stroke-dasharray", "6 3")),
            new XElement("polygon", new XAttribute("points", $"{edge + 7},{toY - 4} {edge + 7},{toY + 4} {edge + 1},{toY}"),
                new XAttribute("fill", "#424242")),
            new XElement("text", new XAttribute("x", x + 4), new XAttribute("y", labelY), new XAttribute("fill", "#1b1b1b"),
                new XAttribute("font-size", "12"), branch.Label));
    }
}
