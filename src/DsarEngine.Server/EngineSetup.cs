using DsarEngine.Server.Accounts;
using DsarEngine.Server.Children;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.ContractEndings;
using DsarEngine.Server.Conversations;
using DsarEngine.Server.Deadlines;
using DsarEngine.Server.Demo;
using DsarEngine.Server.Identity;
using DsarEngine.Server.Inbox;
using DsarEngine.Server.Mail;
using DsarEngine.Server.OpenDsr;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Platform.Telemetry;
using DsarEngine.Server.Portal;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Retention;
using DsarEngine.Server.Settings;
using DsarEngine.Server.Tenants;
using DsarEngine.Server.Triage;
using DsarEngine.Server.SubjectForm;
using DsarEngine.Server.Uploads;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server;

// The engine is its features (docs/architecture.md): each registers its own services and maps its own endpoints.
internal static class EngineSetup
{
    public static WebApplicationBuilder AddDsarEngine(this WebApplicationBuilder builder)
    {
        // The inbox's packaged assets (MudBlazor's CSS and JS, blazor.web.js) live outside wwwroot until publish; the
        // engine runs from its build output (eng/run.sh) in Production too, so they are mapped in every environment
        // (a published engine has no build manifest, and this does nothing).
        builder.WebHost.UseStaticWebAssets();
        builder.AddDsarTelemetry();
        builder.Services.AddPlatform()
            .AddRequests()
            .AddWorkflow()
            .AddConnectors()
            .AddPacks()
            .AddDeadlines()
            .AddMail()
            .AddIdentity()
            .AddOpenDsr()
            .AddTenants()
            .AddSettings()
            .AddAccounts()
            .AddInbox()
            .AddConversations()
            .AddUploads()
            .AddSubjectForm()
            .AddPortal()
            .AddRetention()
            .AddTriage()
            .AddChildren()
            .AddContractEndings()
            .AddDemo();
        return builder;
    }

    // Migrations run before the host listens; two engines starting together serialise on an advisory lock.
    public static async Task PrepareAsync(this WebApplication app, CancellationToken ct = default)
    {
        // Settings first: a bad token key or URL is reported as such, not as whatever the migration trips on.
        app.Services.GetService<IStartupValidator>()?.Validate();
        // Then the workflow definitions: a broken file stops the host with the file, the path and the problem.
        app.Services.GetRequiredService<IWorkflowDefinitions>();
        await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed
            && app.Services.GetRequiredService<IOptions<RoleOptions>>().Value.Role != EngineRoles.PackRenderer)
            await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(ct);
    }

    public static WebApplication UseDsarEngine(this WebApplication app)
    {
        app.UsePlatform();
        // A pack-renderer process serves its health only.
        if (app.Services.GetRequiredService<IOptions<RoleOptions>>().Value.Role == EngineRoles.PackRenderer)
            return app;
        app.MapRequests().MapWorkflow().MapConnectors().MapPacks().MapDeadlines().MapMail().MapIdentity().MapOpenDsr().MapTenants()
            .MapSettings().MapAccounts().MapInbox()
            .MapUploads().MapSubjectForm().MapPortal().MapRetention();
        app.MapTriage();
        app.MapChildren();
        app.MapContractEndings();
        app.MapApiKeysApi();
        app.MapGet("/", () => TypedResults.Redirect("/inbox")).ExcludeFromDescription();
        return app;
    }
}
