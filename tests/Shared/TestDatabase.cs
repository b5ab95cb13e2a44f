using Npgsql;

namespace DsarEngine.Tests.Shared;

// Real PostgreSQL for integration tests: each fixture gets a fresh database (isolation by unique names,
// never by truncating), created through the server that eng/test.sh starts.
internal static class TestDatabase
{
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("DSAR_TEST_PG") ?? "Host=127.0.0.1;Port=54329;Username=dsar;Password=dsar";

    // eng/test.sh sets DSAR_TEST_AMQP (the engine's broker user, on the dsar-test virtual host); a benchmark run after
    // eng/services.sh's start_services falls back to DSAR_AMQP. The broker has no guest user to default to.
    public static string AmqpUrl =>
        Environment.GetEnvironmentVariable("DSAR_TEST_AMQP") ?? Environment.GetEnvironmentVariable("DSAR_AMQP")
        ?? throw new InvalidOperationException("Set DSAR_TEST_AMQP to the broker URL " +
            "(eng/test.sh does; after `source eng/services.sh && start_services`, DSAR_AMQP is used).");

    public static async Task<string> CreateAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 60)];
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is not reachable at {admin.Host}:{admin.Port} as '{admin.Username}'. Run the tests through eng/test.sh, " +
                "which installs and starts PostgreSQL and RabbitMQ, or point DSAR_TEST_PG at a server where that role may CREATE DATABASE.",
                ex);
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        // FORCE refuses (42501) while an autovacuum worker is in the database and the role is not a superuser: the
        // worker's process has no role to be a member of. It is done within moments, so try again until a deadline.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex)
                when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }
    }
}
