using DsarEngine.Server.Packs.Letters;
using DsarEngine.Workflows.Packs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace DsarEngine.Server.Packs;

// Renders a letter's Razor component to HTML (ASP.NET Core's HtmlRenderer, no browser) and that HTML to PDF.
internal sealed class LetterComposer(IServiceProvider services, ILoggerFactory logs, PdfRenderer pdf)
{
    // The rights that have a letter (every right the engine serves).
    public static readonly IReadOnlySet<string> Rights = new HashSet<string>(StringComparer.Ordinal)
    {
        "access", "erasure", "portability", "rectification", "restriction", "objection", "consent-withdrawal", "post-mortem-instructions",
        "appeal", "automated-decision-review", "opt-out-of-sale-sharing", "limit-sensitive-use",
    };

    public async Task<string> HtmlAsync(LetterModel model)
    {
        await using var renderer = new HtmlRenderer(services, logs);
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model });
        return await renderer.Dispatcher.InvokeAsync(async () => model.Right switch
        {
            _ when model.Notice is not null => (await renderer.RenderComponentAsync<NoticeLetter>(parameters)).ToHtmlString(),
            _ when model.Appeal is not null => (await renderer.RenderComponentAsync<AppealLetter>(parameters)).ToHtmlString(),
            // California's opt-outs: their own letter, refusal included (CCPA wording, no GDPR article).
            "opt-out-of-sale-sharing" or "limit-sensitive-use" when model.Notice is null =>
                (await renderer.RenderComponentAsync<CcpaOptOutLetter>(parameters)).ToHtmlString(),
            _ when model.Refusal is not null => (await renderer.RenderComponentAsync<RefusalLetter>(parameters)).ToHtmlString(),
            "erasure" => (await renderer.RenderComponentAsync<ErasureLetter>(parameters)).ToHtmlString(),
            "access" => (await renderer.RenderComponentAsync<AccessLetter>(parameters)).ToHtmlString(),
            "automated-decision-review" => (await renderer.RenderComponentAsync<AutomatedDecisionLetter>(parameters)).ToHtmlString(),
            _ => (await renderer.RenderComponentAsync<ActionLetter>(parameters)).ToHtmlString(),
        });
    }

    public async Task<byte[]> PdfAsync(LetterModel model, CancellationToken ct) =>
        await pdf.RenderAsync(await HtmlAsync(model), model.Reference, model.Language, ct);
}
