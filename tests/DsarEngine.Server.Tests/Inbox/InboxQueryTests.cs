using Dapper;
using DsarEngine.Server.Inbox;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Inbox;

// The inbox list as the privacy team reads it: only their organisation's requests, filtered and searched as asked,
// paged by keyset without a request lost or shown twice, and the subject masked.
public sealed class InboxQueryTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    private static InboxQueries Queries => Engine.Services.GetRequiredService<InboxQueries>();

    private static Task<InboxPage> PageAsync(TestTenant tenant, InboxQuery query) =>
        Queries.PageAsync(tenant.Id, query, CancellationToken.None);

    private static async Task<List<string>> SubmitManyAsync(TestTenant tenant, int count, string right = "access")
    {
        var references = new List<string>();
        for (var i = 0; i < count; i++)
            references.Add(await RequestDriver.SubmitAsync(Engine, tenant, right));
        return references;
    }

    // Sets a request's stored state directly, once its workflow waits for identity (so the engine no longer writes it).
    private static async Task SetAsync(TestTenant tenant, string reference, string set)
    {
        await TestData.Workflows.WaitForAsync(tenant.Staff(Engine, StaffRoles.Admin), reference, TestData.Workflows.WaitingFor("identity"),
            "the identity step");
        await using var c = new NpgsqlConnection(Engine.ConnectionString);
        Assert.That(await c.ExecuteAsync($"UPDATE requests SET {set} WHERE reference = @reference", new { reference }), Is.EqualTo(1));
    }

    [Test]
    public async Task Another_organisations_requests_never_appear_even_when_searched_for()
    {
        var mine = await TestTenant.CreateAsync(Engine);
        var theirs = await TestTenant.CreateAsync(Engine);
        var own = await SubmitManyAsync(mine, 2);
        var email = Submissions.UniqueEmail("other");
        var foreign = await RequestDriver.SubmitAsync(Engine, theirs, "access", email);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await PageAsync(mine, new InboxQuery(new InboxFilter()))).Rows.Select(r => r.Reference), Is.EquivalentTo(own));
            Assert.That((await PageAsync(mine, new InboxQuery(new InboxFilter(Search: foreign)))).Rows, Is.Empty);
            Assert.That((await PageAsync(mine, new InboxQuery(new InboxFilter(Search: email)))).Rows, Is.Empty);
            Assert.That((await PageAsync(theirs, new InboxQuery(new InboxFilter(Search: email)))).Rows.Single().Reference,
                Is.EqualTo(foreign));
        }
    }

    [Test]
    public async Task The_subject_is_masked_in_the_list()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = Submissions.UniqueEmail("zoe");
        await RequestDriver.SubmitAsync(Engine, tenant, "access", email);
        var row = (await PageAsync(tenant, new InboxQuery(new InboxFilter()))).Rows.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.MaskedSubject, Is.EqualTo("z***@example.org"));
            Assert.That(row.ToString(), Does.Not.Contain(email[..email.IndexOf('@', StringComparison.Ordinal)]));
        }
    }

    [Test]
    public async Task Search_finds_a_reference_by_its_start_and_a_subject_by_the_exact_address_in_any_case()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var email = Submissions.UniqueEmail("search");
        var wanted = await RequestDriver.SubmitAsync(Engine, tenant, "access", email);
        await SubmitManyAsync(tenant, 2);
        async Task<IEnumerable<string>> Find(string search) =>
            (await PageAsync(tenant, new InboxQuery(new InboxFilter(Search: search)))).Rows.Select(r => r.Reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Find(wanted), Is.EqualTo(new[] { wanted }));
            Assert.That(await Find(wanted[..13].ToLowerInvariant()), Does.Contain(wanted), "a prefix, lower case");
            Assert.That(await Find(wanted[4..13]), Does.Contain(wanted), "without DSR-");
            Assert.That(await Find(email.ToUpperInvariant()), Is.EqualTo(new[] { wanted }));
            Assert.That(await Find(email[..^3]), Is.Empty, "an address matches only whole");
            Assert.That(await Find("DSR-%"), Is.Empty, "a wildcard is a character, not a pattern");
        }
    }

    [Test]
    public async Task Filters_narrow_the_list_by_right_channel_regime_due_window_and_attention()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var access = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var erasure = await RequestDriver.SubmitAsync(Engine, tenant, "erasure");
        var overdue = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        var stuck = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        // Waiting for identity leaves the clock running; a stated doubt about the first one's identity stopped its clock.
        await SetAsync(tenant, overdue, "due_at = now() - interval '2 days', stops = '[]'");
        await SetAsync(tenant, stuck, "status = 'needs-attention', due_at = now() + interval '3 days', stops = '[]'");
        await SetAsync(tenant, access, """stops = '[{"start":"2025-03-03","end":null,"reason":"identity-proof"}]'""");
        var all = (await PageAsync(tenant, new InboxQuery(new InboxFilter()))).Rows;
        async Task<IEnumerable<string>> Find(InboxFilter f) => (await PageAsync(tenant, new InboxQuery(f))).Rows.Select(r => r.Reference);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await Find(new InboxFilter(Right: "erasure")), Is.EqualTo(new[] { erasure }));
            Assert.That(await Find(new InboxFilter(Channel: all[0].Channel)), Has.Exactly(4).Items);
            Assert.That(await Find(new InboxFilter(Channel: "post")), Is.Empty);
            Assert.That(await Find(new InboxFilter(Regime: all[0].Regime)), Has.Exactly(4).Items);
            Assert.That(await Find(new InboxFilter(Regime: "ccpa")), Is.Empty);
            Assert.That(await Find(new InboxFilter(Due: DueWindow.Overdue)), Is.EqualTo(new[] { overdue }));
            Assert.That(await Find(new InboxFilter(Due: DueWindow.DueWithinWeek)), Is.EqualTo(new[] { stuck }));
            Assert.That(await Find(new InboxFilter(Due: DueWindow.Later)), Is.EquivalentTo(new[] { access, erasure }));
            Assert.That(await Find(new InboxFilter(NeedsAttention: true)), Is.EqualTo(new[] { stuck }));
            Assert.That(await Find(new InboxFilter(Status: "needs-attention")), Is.EqualTo(new[] { stuck }));
            Assert.That(all.Single(r => r.Reference == overdue).DueState(Now), Is.EqualTo(DueState.Overdue));
            Assert.That(all.Single(r => r.Reference == stuck).DueState(Now), Is.EqualTo(DueState.DueSoon));
            Assert.That(all.Single(r => r.Reference == access).DueState(Now), Is.EqualTo(DueState.ClockStopped),
                "stopped for a doubt about identity");
        }
    }

    [Test]
    public async Task A_finished_request_is_in_no_due_window()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var closed = await RequestDriver.SubmitAsync(Engine, tenant, "access");
        await SetAsync(tenant, closed, "status = 'closed', due_at = now() - interval '2 days'");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await PageAsync(tenant, new InboxQuery(new InboxFilter(Due: DueWindow.Overdue)))).Rows, Is.Empty);
            Assert.That((await PageAsync(tenant, new InboxQuery(new InboxFilter(OpenOnly: true)))).Rows, Is.Empty);
            Assert.That((await PageAsync(tenant, new InboxQuery(new InboxFilter()))).Rows.Single().DueState(Now),
                Is.EqualTo(DueState.Finished));
        }
    }

    // Every sort: walk forward to the end while new requests arrive, then back to the start; each request once, none lost.
    [TestCase(nameof(InboxSort.NewestFirst))]
    [TestCase(nameof(InboxSort.OldestFirst))]
    [TestCase(nameof(InboxSort.DueSoonest))]
    public async Task Keyset_pages_show_every_request_once_while_new_ones_arrive(string sortName)
    {
        var sort = Enum.Parse<InboxSort>(sortName);
        var tenant = await TestTenant.CreateAsync(Engine);
        var before = await SubmitManyAsync(tenant, 7);
        var first = await PageAsync(tenant, new InboxQuery(new InboxFilter(), sort, PageSize: 3));
        var pages = new List<InboxPage> { first };
        var arrived = new List<string>();
        while (pages[^1].Next is { } next)
        {
            arrived.Add(await RequestDriver.SubmitAsync(Engine, tenant, "access"));
            pages.Add(await PageAsync(tenant, new InboxQuery(new InboxFilter(), sort, PageSize: 3, After: next)));
        }
        var seen = pages.SelectMany(p => p.Rows.Select(r => r.Reference)).ToList();
        var backward = new List<InboxPage> { pages[^1] };
        while (backward[^1].Previous is { } previous)
            backward.Add(await PageAsync(tenant, new InboxQuery(new InboxFilter(), sort, PageSize: 3, Before: previous)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.Unique);
            Assert.That(first.Previous, Is.Null);
            Assert.That(first.Rows, Has.Count.EqualTo(3));
            // Newest first: the new ones sort before the first page, so exactly the old ones; otherwise after the old ones.
            Assert.That(seen.Take(7), Is.EquivalentTo(before));
            if (sort == InboxSort.NewestFirst)
                Assert.That(seen, Is.EquivalentTo(before));
            else
                Assert.That(seen.Skip(7), Is.SubsetOf(arrived));
            var firstNow = await PageAsync(tenant, new InboxQuery(new InboxFilter(), sort, PageSize: 3));
            Assert.That(backward[^1].Rows.Select(r => r.Reference), Is.EqualTo(firstNow.Rows.Select(r => r.Reference)),
                "back to the first page");
            // Back at the top, a short page is replaced by the full first page, which may repeat rows of the page after it.
            Assert.That(backward.Skip(1).SkipLast(1).SelectMany(p => p.Rows).Select(r => r.Reference), Is.Unique);
        }
    }

    [Test]
    public void A_page_larger_than_the_limit_is_a_bug_not_a_query() =>
        Assert.That(() => Queries.PageAsync(Guid.NewGuid(), new InboxQuery(new InboxFilter(), PageSize: 101), CancellationToken.None),
            Throws.TypeOf<ArgumentOutOfRangeException>());

    // Due this week and Due later start the due-sorted index at now (an index condition, not a filter), so a page does not
    // read past every overdue open request first: at 100,000 open requests that was 16,000 buffers and about 80 ms.
    [TestCase(nameof(DueWindow.DueWithinWeek))]
    [TestCase(nameof(DueWindow.Later))]
    public async Task The_due_windows_start_the_due_index_at_now_instead_of_filtering_the_overdue_requests_out(string name)
    {
        var window = Enum.Parse<DueWindow>(name);
        var tenant = await TestTenant.CreateAsync(Engine);
        var (sql, parameters) = InboxQueries.Build(tenant.Id, new InboxQuery(new InboxFilter(Due: window), InboxSort.DueSoonest), Now);
        await using var c = new NpgsqlConnection(Engine.ConnectionString);
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        // A test database is small enough for a sequential scan; the plan with an index is what this is about.
        await c.ExecuteAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off", transaction: tx);
        var plan = string.Join("\n", await c.QueryAsync<string>("EXPLAIN " + sql, parameters, tx));
        var condition = plan.Split('\n').FirstOrDefault(l => l.Contains("Index Cond", StringComparison.Ordinal)
            && l.Contains("tenant_id", StringComparison.Ordinal)) ?? "";
        Assert.That(condition, Does.Contain("COALESCE(due_at").And.Contain(">="), plan);
    }
}
