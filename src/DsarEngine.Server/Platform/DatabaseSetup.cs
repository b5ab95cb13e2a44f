using Dapper;
using Npgsql;

namespace DsarEngine.Server.Platform;

// The database every feature's stores use: one NpgsqlDataSource, Dapper's conventions, and the migrator.
internal static class DatabaseSetup
{
    public static IServiceCollection AddDsarDatabase(this IServiceCollection services, Func<IServiceProvider, string> connectionString)
    {
        // snake_case columns onto PascalCase members (Dapper's documented switch; process-wide by design).
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        services.AddSingleton(provider =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString(provider));
            builder.ConnectionStringBuilder.ApplicationName ??= "dsar-engine";
            // The engine runs the same few hundred statements all day: Npgsql prepares each one a connection has run
            // twice, so PostgreSQL parses and plans it once per connection instead of once per call (docs/performance.md).
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
                builder.ConnectionStringBuilder.MaxAutoPrepare = 256;
            return builder.Build();
        });
        return services.AddSingleton<Migrator>();
    }
}
