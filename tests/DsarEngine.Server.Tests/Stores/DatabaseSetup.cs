using DsarEngine.Tests.Shared;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Stores;

// One fresh, migrated database for the persistence tests of this namespace; tests isolate by tenant.
[SetUpFixture]
public sealed class DatabaseSetup
{
    internal static string ConnectionString { get; private set; } = "";
    internal static ServiceProvider Services { get; private set; } = null!;

    internal static T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        ConnectionString = await TestDatabase.CreateAsync("dsar_wf");
        Services = new ServiceCollection().AddDsarDatabase(_ => ConnectionString).AddRequests().AddTenants().BuildServiceProvider();
        await Get<Migrator>().MigrateAsync();
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        await Services.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }

    internal static async Task<long> CountAsync(string sql, object parameters)
    {
        await using var connection = await Get<NpgsqlDataSource>().OpenConnectionAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, sql, parameters);
    }
}
