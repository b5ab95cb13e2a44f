using Dapper;
using Npgsql;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Mail;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tenants;

namespace DsarEngine.Server.Platform;

internal static class PersistenceServices
{
    public static IServiceCollection AddDsarPersistence(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        // snake_case columns onto PascalCase members (Dapper's documented switch; process-wide by design).
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        services.AddSingleton(provider =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString(provider));
            builder.ConnectionStringBuilder.ApplicationName ??= "dsar-engine";
            return builder.Build();
        });
        services.AddSingleton<Migrator>();
        services.AddSingleton<RequestStore>();
        services.AddSingleton<JournalStore>();
        services.AddSingleton<MailboxStore>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ConnectorStore>();
        services.AddSingleton<WorkspaceStore>();
        return services;
    }
}
