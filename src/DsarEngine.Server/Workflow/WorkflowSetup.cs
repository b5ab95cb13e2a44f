using DsarEngine.Server.Packs;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Workflow;

// The durable runtime: definitions, the signal processor (one transaction per signal), instances, the workflow service
// people act through, and the outbox relay and timer poller that run on every engine node.
internal static class WorkflowSetup
{
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddValidatedOptions<RuntimeOptions>(RuntimeOptions.SectionName);
        services.AddSingleton(WorkflowDefinitions.Load);
        services.AddSingleton<IWorkflowDefinitions>(sp => sp.GetRequiredService<DefinitionCatalog>());
        services.AddSingleton(sp =>
        {
            var processor = ActivatorUtilities.CreateInstance<SignalProcessor>(sp);
            var packs = sp.GetRequiredService<IOptions<PackOptions>>().Value;
            processor.RenderedRights = packs.Render ? LetterComposer.Rights : new HashSet<string>();
            processor.RenderTimeout = TimeSpan.FromMinutes(packs.RenderTimeoutMinutes);
            return processor;
        });
        services.AddSingleton<InstanceStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<WorkflowService>();
        // A pack-renderer process only consumes its queue; the signals it records are relayed by the engines.
        services.AddEngineService<OutboxRelay>();
        return services.AddEngineService<TimerPoller>();
    }

    public static IEndpointRouteBuilder MapWorkflow(this IEndpointRouteBuilder app)
    {
        app.MapWorkflowApi();
        app.MapOutboxApi();
        app.MapWorkflowVersionsApi();
        return app;
    }
}
