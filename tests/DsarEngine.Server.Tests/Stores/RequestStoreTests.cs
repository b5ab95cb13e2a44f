using DsarEngine.Server.Requests;
using DsarEngine.Server.Tenants;

namespace DsarEngine.Server.Tests.Stores;

public sealed class RequestStoreTests
{
    private static RequestStore Store => DatabaseSetup.Get<RequestStore>();

    private static async Task<Guid> NewTenantAsync() =>
        await DatabaseSetup.Get<TenantStore>().UpsertAsync(Tenants.New(), StoredRequests.Now, CancellationToken.None);

    private static Task<long> RowsAsync(Guid tenantId) =>
        DatabaseSetup.CountAsync("SELECT count(*) FROM requests WHERE tenant_id = @tenantId", new { tenantId });

    [Test]
    public async Task A_submitted_request_reads_back_whole_with_its_journal()
    {
        var tenant = await NewTenantAsync();
        var request = StoredRequests.For(tenant);
        var outcome = await Store.SubmitAsync(request, StoredRequests.Received(request), null, null, CancellationToken.None);

        var read = await Store.FindAsync(tenant, request.Reference, CancellationToken.None);
        var journal = await DatabaseSetup.Get<JournalStore>().ReadAsync(tenant, request.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Result, Is.EqualTo(SubmitResult.Created));
            // jsonb reorders keys: compare the subject as JSON, everything else as it was written.
            Assert.That(read, Is.EqualTo(request with { StatusTokenHash = read!.StatusTokenHash, Subject = read.Subject }));
            Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(
                System.Text.Json.Nodes.JsonNode.Parse(read.Subject), System.Text.Json.Nodes.JsonNode.Parse(request.Subject)), Is.True);
            Assert.That(read.StatusTokenHash, Is.EqualTo(request.StatusTokenHash));
            Assert.That(journal.Select(e => e.Kind), Is.EqualTo(new[] { "received" }));
            Assert.That(DsarEngine.Workflows.Journal.JournalChain.FirstBroken(journal), Is.Null);
        }
    }

    // Security review L1: the database itself refuses to rewrite the audit trail, whatever the code does.
    [TestCase("UPDATE request_journal SET kind = 'nothing-happened' WHERE request_id = @id")]
    [TestCase("DELETE FROM request_journal WHERE request_id = @id")]
    [TestCase("TRUNCATE request_journal")]
    public async Task The_journal_refuses_updates_deletes_and_truncation(string sql)
    {
        var tenant = await NewTenantAsync();
        var request = StoredRequests.For(tenant);
        await Store.SubmitAsync(request, StoredRequests.Received(request), null, null, CancellationToken.None);

        await using var connection = await DatabaseSetup.Get<Npgsql.NpgsqlDataSource>().OpenConnectionAsync();
        var refused = Assert.ThrowsAsync<Npgsql.PostgresException>(
            () => Dapper.SqlMapper.ExecuteAsync(connection, sql, new { id = request.Id }));
        var journal = await DatabaseSetup.Get<JournalStore>().ReadAsync(tenant, request.Id, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused!.MessageText, Does.Contain("request_journal is append-only"));
            Assert.That(journal.Select(e => e.Kind), Is.EqualTo(new[] { "received" }));
        }
    }

    [Test]
    public async Task The_same_idempotency_key_and_body_return_the_first_request()
    {
        var tenant = await NewTenantAsync();
        var claim = new IdempotencyClaim("retry-me-1", [1, 2, 3]);
        var first = StoredRequests.For(tenant);
        var second = StoredRequests.For(tenant);
        await Store.SubmitAsync(first, StoredRequests.Received(first), null, claim, CancellationToken.None);
        var replay = await Store.SubmitAsync(second, StoredRequests.Received(second), null, claim, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(replay.Result, Is.EqualTo(SubmitResult.Replayed));
            Assert.That(replay.Request!.Reference, Is.EqualTo(first.Reference));
            Assert.That(await RowsAsync(tenant), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task The_same_idempotency_key_with_another_body_is_refused_and_stores_nothing()
    {
        var tenant = await NewTenantAsync();
        var first = StoredRequests.For(tenant);
        var second = StoredRequests.For(tenant);
        await Store.SubmitAsync(first, StoredRequests.Received(first), null, new IdempotencyClaim("retry-me-2", [1]),
            CancellationToken.None);
        var reused = await Store.SubmitAsync(second, StoredRequests.Received(second), null, new IdempotencyClaim("retry-me-2", [2]),
            CancellationToken.None);
        Assert.That(reused.Result, Is.EqualTo(SubmitResult.KeyReused));
        Assert.That(await RowsAsync(tenant), Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_retries_with_one_key_create_exactly_one_request()
    {
        var tenant = await NewTenantAsync();
        var claim = new IdempotencyClaim("retry-me-3", [7]);
        var attempts = Enumerable.Range(0, 8).Select(_ => StoredRequests.For(tenant)).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(r =>
            Task.Run(() => Store.SubmitAsync(r, StoredRequests.Received(r), null, claim, CancellationToken.None))));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcomes.Count(o => o.Result == SubmitResult.Created), Is.EqualTo(1));
            Assert.That(outcomes.Select(o => o.Request!.Reference).Distinct().Count(), Is.EqualTo(1));
            Assert.That(await RowsAsync(tenant), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_tenant_cannot_read_another_tenants_request()
    {
        var owner = await NewTenantAsync();
        var other = await NewTenantAsync();
        var request = StoredRequests.For(owner);
        await Store.SubmitAsync(request, StoredRequests.Received(request), null, null, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Store.FindAsync(other, request.Reference, CancellationToken.None), Is.Null);
            Assert.That(await Store.ListAsync(other, null, 50, 0, CancellationToken.None), Is.Empty);
            Assert.That(await Store.ListAsync(owner, null, 50, 0, CancellationToken.None), Has.Count.EqualTo(1));
        }
    }
}
