using DsarEngine.Server.OpenDsr;
using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Server.Connectors.Http;
using DsarEngine.Server.Deadlines;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Identity;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Workflow;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Demo;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server;

internal static class EngineSetup
{
    public static WebApplicationBuilder AddDsarEngine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        AddValidatedOptions<RoleOptions>(services, RoleOptions.SectionName);
        AddValidatedOptions<DatabaseOptions>(services, DatabaseOptions.SectionName);
        AddValidatedOptions<BusOptions>(services, BusOptions.SectionName);
        AddValidatedOptions<IntakeOptions>(services, IntakeOptions.SectionName);
        AddValidatedOptions<Connectors.Http.HttpConnectorOptions>(services, Connectors.Http.HttpConnectorOptions.SectionName);
        AddValidatedOptions<OpenDsr.OpenDsrOptions>(services, OpenDsr.OpenDsrOptions.SectionName);
        services.AddSingleton<IValidateOptions<OpenDsr.OpenDsrOptions>, OpenDsr.OpenDsrEnvironmentValidation>();
        AddValidatedOptions<SecurityOptions>(services, SecurityOptions.SectionName);
        AddValidatedOptions<NetworkOptions>(services, NetworkOptions.SectionName);
        AddValidatedOptions<RateLimitOptions>(services, RateLimitOptions.SectionName);
        AddValidatedOptions<MailOptions>(services, MailOptions.SectionName);
        AddValidatedOptions<RuntimeOptions>(services, RuntimeOptions.SectionName);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);

        services.AddSingleton(TimeProvider.System);
        services.AddDsarPersistence(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
        services.AddSingleton(sp => new SecretTokens(sp.GetRequiredService<IOptions<SecurityOptions>>().Value.TokenKeyBytes()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SecurityOptions>>().Value.DataKeys());
        AddValidatedOptions<Connectors.ExportOptions>(services, Connectors.ExportOptions.SectionName);
        services.AddSingleton(sp => new Connectors.ExportLimits(sp.GetRequiredService<IOptions<Connectors.ExportOptions>>().Value.MaxBytes));
        services.AddSingleton<Connectors.ExportStore>();
        // Every URL from outside (connector endpoints, processors, status URLs, status callbacks) goes through the egress rules.
        AddValidatedOptions<Connectors.Egress.EgressOptions>(services, Connectors.Egress.EgressOptions.SectionName);
        services.AddSingleton<Connectors.Egress.EgressPolicy>();
        services.AddSingleton<Connectors.Egress.EgressConnector>();
        services.AddSingleton<Connectors.Http.ConnectorSecrets>();
        services.AddSingleton<IValidateOptions<Connectors.Http.HttpConnectorOptions>, Connectors.Http.ConnectorSecretsValidation>();
        static int MaxResultBytes(IServiceProvider sp) => sp.GetRequiredService<IOptions<Connectors.Http.HttpConnectorOptions>>().Value.MaxResultBytes;
        services.AddEgressClient(Connectors.Http.HttpConnectorAdapter.ClientName, Timeout.InfiniteTimeSpan, MaxResultBytes); // Polly times calls out
        services.AddSingleton<Connectors.EngineReplies>();
        services.AddSingleton<Connectors.ReplyGuard>();
        services.AddSingleton<Connectors.ReplyOutbox>();
        services.AddSingleton<Connectors.Http.HttpConnectorRegistry>();
        services.AddSingleton<Connectors.Http.HttpPipelines>();
        services.AddSingleton<Connectors.Http.HttpConnectorAdapter>();
        services.AddEgressClient(OpenDsr.OpenDsrCallbackWorker.ClientName, TimeSpan.FromSeconds(60), MaxResultBytes);
        services.AddSingleton<OpenDsr.OpenDsrSigner>();
        services.AddSingleton<OpenDsr.OpenDsrControllers>();
        services.AddSingleton<OpenDsr.OpenDsrCallbackPipelines>();
        services.AddSingleton<OpenDsr.OpenDsrStore>();
        services.AddSingleton<OpenDsr.OpenDsrCertificates>();
        services.AddSingleton<OpenDsr.OpenDsrClient>();
        AddValidatedOptions<Packs.PdfOptions>(services, Packs.PdfOptions.SectionName);
        services.AddSingleton<Packs.PdfRenderer>();
        services.AddSingleton<Packs.LetterComposer>();
        services.AddSingleton<Packs.RegisterStore>();
        services.AddSingleton<Packs.PackStore>();
        services.AddSingleton<Packs.LetterModels>();
        services.AddSingleton<Packs.PackLinks>();
        services.AddSingleton<Packs.PackCodes>();
        AddValidatedOptions<Packs.PackOptions>(services, Packs.PackOptions.SectionName);
        services.AddSingleton<StatusLinks>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<MailRenderer>();
        services.AddSingleton<Deadlines.ClockCommands>();
        services.AddSingleton(WorkflowDefinitions.Load);
        services.AddSingleton<IWorkflowDefinitions>(sp => sp.GetRequiredService<DefinitionCatalog>());
        services.AddSingleton(sp =>
        {
            var processor = ActivatorUtilities.CreateInstance<SignalProcessor>(sp);
            processor.RenderedRights = sp.GetRequiredService<IOptions<Packs.PackOptions>>().Value.Render ? Packs.LetterComposer.Rights : new HashSet<string>();
            processor.RenderTimeout = TimeSpan.FromMinutes(sp.GetRequiredService<IOptions<Packs.PackOptions>>().Value.RenderTimeoutMinutes);
            return processor;
        });
        services.AddSingleton<IdentityVerification>();
        // A pack-renderer process only consumes its queue; the signals it records are relayed by the engines.
        AddEngineService<OutboxRelay>(services);
        AddEngineService<TimerPoller>(services);
        AddEngineService<SmtpDelivery>(services);
        AddEngineService<OpenDsr.OpenDsrCallbackWorker>(services);
        services.AddSingleton<DemoSamples>();
        services.AddSingleton<DemoSeeder>();

        services.AddDsarProblemDetails();
        services.AddOpenApi();
        services.AddDsarAuth();
        services.AddDsarNetwork();
        services.AddDsarRateLimits();
        services.AddDsarCors();
        services.AddDsarHealth();
        services.AddDsarBus();
        return builder;
    }

    // A background service of the engine proper: idle in a pack-renderer process (Dsar:Role, read when the host starts).
    private static void AddEngineService<T>(IServiceCollection services) where T : class, IHostedService =>
        services.AddSingleton<IHostedService>(sp => EngineRoles.RunsEngine(sp.GetRequiredService<IOptions<RoleOptions>>().Value.Role)
            ? ActivatorUtilities.CreateInstance<T>(sp) : new IdleService());

    private sealed class IdleService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    // Migrations run before the host listens; two engines starting together serialise on an advisory lock.
    public static async Task PrepareAsync(this WebApplication app, CancellationToken ct = default)
    {
        // Settings first: a bad token key or URL is reported as such, not as whatever the migration trips on.
        app.Services.GetService<IStartupValidator>()?.Validate();
        // Then the workflow definitions: a broken file stops the host with the file, the path and the problem.
        app.Services.GetRequiredService<IWorkflowDefinitions>();
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed && app.Services.GetRequiredService<IOptions<RoleOptions>>().Value.Role != EngineRoles.PackRenderer)
            await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(ct);
    }

    public static WebApplication UseDsarEngine(this WebApplication app)
    {
        // First: everything after it (rate limits, logs) must see the client a trusted proxy names, not the proxy.
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api-docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "DsarEngine v1");
            ui.DocumentTitle = "DsarEngine API";
        });
        app.MapDsarHealth();
        if (app.Services.GetRequiredService<IOptions<RoleOptions>>().Value.Role == EngineRoles.PackRenderer)
            return app;
        app.MapRequestsApi();
        app.MapStaffRequestsApi();
        app.MapMailboxApi();
        app.MapDeadlinesApi();
        app.MapClockApi();
        app.MapWorkflowApi();
        app.MapIdentityApi();
        app.MapConnectorsApi();
        app.MapTasksApi();
        app.MapWorkspacesApi();
        app.MapProcessorLinksApi();
        app.MapHttpCallbackApi();
        app.MapOpenDsrApi();
        app.MapOpenDsrCallbacks();
        app.MapRegisterApi();
        app.MapPacksApi();
        app.MapPackDownloadApi();
        app.MapOutboxApi();
        app.MapGet("/", () => TypedResults.Redirect("/api-docs")).ExcludeFromDescription();
        return app;
    }
}
