using Dapper;
using DsarEngine.Server.Tests.TestData;
using Npgsql;

namespace DsarEngine.Server.Tests.Connectors;

// The engine's database goes away for a while (a restart, a failover) just as a connector sends an export: the chunks
// and the reply wait in the consumers' in-memory retries and are stored once it is back, instead of going to the error
// queue (where chunks used to go after 6.6 s, leaving the export incomplete for good).
[NonParallelizable]
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(12);

    [Test]
    public async Task An_export_sent_while_the_database_is_away_is_stored_once_it_is_back()
    {
        await using var engine = await EngineFactory.StartAsync();
        var database = new NpgsqlConnectionStringBuilder(engine.ConnectionString).Database!;
        await using var connector = await ExportingConnector.StartAsync($"outage-{Guid.NewGuid():N}"[..14]);
        Task? back = null;
        connector.Document = task =>
        {
            // Only this test's database refuses connections, for the length of the outage.
            SetConnectionsAsync(database, allowed: false).GetAwaiter().GetResult();
            back = Task.Delay(Outage).ContinueWith(_ => SetConnectionsAsync(database, allowed: true)).Unwrap();
            return ExportingConnector.Sample(task.Connector, 40);
        };
        try
        {
            var tenant = await TestTenant.CreateAsync(engine);
            await connector.ServeAsync(tenant.Slug);
            await RequestDriver.RegisterAsync(tenant.Staff(engine, "admin"), connector.Name, new { actions = new[] { "export" } });
            var staff = tenant.Staff(engine, "privacy-officer");
            var reference = await RequestDriver.SubmitAsync(engine, tenant, "access");
            await RequestDriver.ToFanOutAsync(staff, reference);
            var status = await WaitForTaskAsync(engine, reference, TimeSpan.FromMinutes(2));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(back, Is.Not.Null, "the database went away while the connector exported");
                Assert.That(status, Is.EqualTo("done"), "the export was stored after the outage and accepted");
                Assert.That(await Rows.CountAsync(engine, "connector_exports", tenant.Id), Is.GreaterThan(5),
                    "its chunks are in the store");
            }
        }
        finally
        {
            if (back is not null)
                await back;
            await SetConnectionsAsync(database, allowed: true);
        }
    }

    private static async Task SetConnectionsAsync(string database, bool allowed)
    {
        await Rows.AdminAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {(allowed ? "true" : "false")}");
        if (!allowed)
            await Rows.AdminAsync(
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
    }

    // The task's status, read straight from the database once it is back (the API needs it too); polled, never slept on.
    private static async Task<string?> WaitForTaskAsync(EngineFactory engine, string reference, TimeSpan limit)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string? status = null;
        while (watch.Elapsed < limit)
        {
            try
            {
                await using var c = new NpgsqlConnection(engine.ConnectionString);
                status = await c.ExecuteScalarAsync<string?>("""
                    SELECT w.state->'tasks'->0->>'status' FROM workflow_instances w JOIN requests r ON r.id = w.request_id
                    WHERE r.reference = @reference
                    """, new { reference });
                if (status == "done")
                    return status;
            }
            catch (PostgresException)
            {
                // still away
            }
            await Task.Delay(200);
        }
        return status;
    }
}
