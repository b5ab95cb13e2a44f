using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Requests;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Workflow;

// Loads the definitions once at start-up: the shipped workflows/ next to the host, or the organisation's
// folder (Dsar:Runtime:DefinitionsPath). A broken file throws DefinitionException and stops the host.
internal static class WorkflowDefinitions
{
    public static DefinitionCatalog Load(IServiceProvider services)
    {
        var folder = services.GetRequiredService<IOptions<RuntimeOptions>>().Value.DefinitionsPath
            ?? Path.Combine(AppContext.BaseDirectory, "workflows");
        var catalog = DefinitionLoader.LoadDirectory(folder);
        var missing = Rights.Slugs.Where(r => !catalog.Serves(r)).ToList();
        if (missing.Count > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WorkflowDefinitions))
                .LogWarning("No workflow serves {Rights}: such requests will be refused at intake", string.Join(", ", missing));
        return catalog;
    }
}
