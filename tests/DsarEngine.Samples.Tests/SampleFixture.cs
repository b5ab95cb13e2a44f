using Dapper;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;
using DsarEngine.Tests.Shared;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace DsarEngine.Samples.Tests;

// One fresh samples database per fixture, the schema created and seeded by the sample's own start-up code.
public abstract class SampleFixture
{
    private string connectionString = "";

    protected SampleDatabase Db { get; private set; } = null!;

    protected abstract string Schema { get; }

    protected abstract IHostedService Seeder(SampleDatabase db);

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        connectionString = await TestDatabase.CreateAsync("dsar_samples");
        Db = new SampleDatabase(NpgsqlDataSource.Create(connectionString), Schema);
        await Seeder(Db).StartAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        await Db.DataSource.DisposeAsync();
        await TestDatabase.DropAsync(connectionString);
    }

    protected async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var c = await Db.DataSource.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>(sql, parameters);
    }

    protected static IReadOnlyList<SubjectIdentity> Identities(Person p) => [new(SubjectIdentityTypes.Email, p.Email.ToUpperInvariant())];

    protected static TaskReference Task(string key) => new(Guid.NewGuid(), Guid.NewGuid(), "demo", "sample", "erasure", key, 1);

    protected static TestContext Context(string? key = null) => new(Task(key ?? Guid.NewGuid().ToString("N")));

    protected sealed class TestContext(TaskReference task) : TaskContext
    {
        public override TaskReference Task => task;

        public List<string> Stages { get; } = [];

        public override Task ReportProgressAsync(string stage, int? percent, CancellationToken ct)
        {
            Stages.Add(stage);
            return System.Threading.Tasks.Task.CompletedTask;
        }
    }
}
