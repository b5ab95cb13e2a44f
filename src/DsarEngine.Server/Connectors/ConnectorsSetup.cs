using DsarEngine.Server.Connectors.Egress;
using DsarEngine.Server.Connectors.Http;
using DsarEngine.Server.Platform;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors;

// The connector registry, exports (sealed, capped), who may answer a task (ReplyGuard), the HTTP adapter and its
// per-tenant secrets, and the egress rule every outbound URL passes.
internal static class ConnectorsSetup
{
    public static IServiceCollection AddConnectors(this IServiceCollection services)
    {
        services.AddValidatedOptions<ExportOptions>(ExportOptions.SectionName)
            .AddValidatedOptions<HttpConnectorOptions>(HttpConnectorOptions.SectionName)
            .AddValidatedOptions<EgressOptions>(EgressOptions.SectionName);
        services.AddSingleton<ConnectorStore>();
        services.AddSingleton<ConnectorAdmin>();
        services.AddSingleton(sp => new ExportLimits(sp.GetRequiredService<IOptions<ExportOptions>>().Value.MaxBytes));
        services.AddSingleton<ExportStore>();
        services.AddSingleton<TaskCommands>();
        services.AddSingleton<CompletedReplies>();
        services.AddSingleton<EgressPolicy>();
        services.AddSingleton<EgressConnector>();
        services.AddSingleton<ConnectorSecrets>();
        services.AddSingleton<IValidateOptions<HttpConnectorOptions>, ConnectorSecretsValidation>();
        services.AddEgressClient(HttpConnectorAdapter.ClientName, Timeout.InfiniteTimeSpan, MaxResultBytes); // Polly times calls out
        services.AddSingleton<EngineReplies>();
        services.AddSingleton<ReplyGuard>();
        services.AddSingleton<ReplyOutbox>();
        services.AddSingleton<HttpConnectorRegistry>();
        services.AddSingleton<HttpPipelines>();
        // What erase commands keep (legal holds) and whom a request's outcome must reach (Art. 19, 17(2)).
        services.AddSingleton<LegalHolds.LegalHoldStore>();
        services.AddSingleton<LegalHolds.LegalHoldsAdmin>();
        // A system restored from a backup: the erasures the backup predates are carried out again.
        services.AddSingleton<Backups.BackupRestores>();
        services.AddSingleton<RequestNotices.RequestNoticeStore>().AddSingleton<RequestNotices.RequestNoticeCommands>();
        return services.AddSingleton<HttpConnectorAdapter>();
    }

    public static int MaxResultBytes(IServiceProvider sp) => sp.GetRequiredService<IOptions<HttpConnectorOptions>>().Value.MaxResultBytes;

    public static IEndpointRouteBuilder MapConnectors(this IEndpointRouteBuilder app)
    {
        app.MapConnectorsApi();
        app.MapTasksApi();
        app.MapHttpCallbackApi();
        LegalHolds.LegalHoldsApi.MapLegalHoldsApi(app);
        Backups.BackupRestoresApi.MapBackupRestoresApi(app);
        RequestNotices.RequestNoticesApi.MapRequestNoticesApi(app);
        return app;
    }
}
