using DsarEngine.Tests.Shared;
using DsarEngine.Server.Platform;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Stores;

public sealed class MigratorTests
{
    [Test]
    public async Task Migrating_twice_applies_nothing_the_second_time() =>
        Assert.That(await DatabaseSetup.Get<Migrator>().MigrateAsync(), Is.Zero);

    [Test]
    public void Every_migration_is_numbered_uniquely_and_in_order()
    {
        var versions = Migrator.Embedded().Select(m => m.Version).ToList();
        Assert.That(versions, Is.Ordered.And.Unique.And.Not.Empty);
        Assert.That(versions[0], Is.EqualTo(1));
    }

    [Test]
    public async Task Engines_starting_together_migrate_once_without_racing()
    {
        var connectionString = await TestDatabase.CreateAsync("dsar_race");
        try
        {
            var providers = Enumerable.Range(0, 4)
                .Select(_ => new ServiceCollection().AddDsarDatabase(_ => connectionString).BuildServiceProvider()).ToList();
            var applied = await Task.WhenAll(providers.Select(p => Task.Run(() => p.GetRequiredService<Migrator>().MigrateAsync())));
            Assert.That(applied.Sum(), Is.EqualTo(Migrator.Embedded().Count));
            foreach (var provider in providers)
                await provider.DisposeAsync();
        }
        finally
        {
            await TestDatabase.DropAsync(connectionString);
        }
    }

    [Test]
    public async Task A_shipped_migration_that_was_edited_stops_the_engine()
    {
        var connectionString = await TestDatabase.CreateAsync("dsar_edit");
        try
        {
            await using var provider = new ServiceCollection().AddDsarDatabase(_ => connectionString).BuildServiceProvider();
            var migrator = provider.GetRequiredService<Migrator>();
            await migrator.MigrateAsync();
            await using (var connection = await provider.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
            await using (var tamper = new NpgsqlCommand("UPDATE schema_versions SET checksum = 'edited' WHERE version = 1", connection))
                await tamper.ExecuteNonQueryAsync();
            var error = Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync());
            Assert.That(error!.Message, Does.Contain("Migration 1 (0001_foundation) was changed").And.Contain("append-only"));
        }
        finally
        {
            await TestDatabase.DropAsync(connectionString);
        }
    }
}
