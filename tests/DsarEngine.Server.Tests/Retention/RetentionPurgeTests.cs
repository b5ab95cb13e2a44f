using System.Text.Json.Nodes;
using Dapper;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Retention;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Retention;

// GDPR Art. 5(1)(e) for the engine's own data (issue 15, legal review row 46): a finished request loses its files, its mail
// and its subject's data as its organisation's periods run out, keeps what proves compliance, and the journal still verifies.
// An engine of its own with a fake clock: the purge counts days on it, and runs only when a test runs it.
public sealed class RetentionPurgeTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2031, 6, 1, 8, 0, 0, TimeSpan.Zero));
    private static EngineFactory engine = null!;

    [OneTimeSetUp]
    public async Task Start() => engine = await EngineFactory.StartAsync(time: Time);

    [OneTimeTearDown]
    public async Task Stop() => await engine.DisposeAsync();

    private static RetentionPurge Purge => engine.Services.GetRequiredService<RetentionPurge>();

    private static DateTimeOffset DaysAgo(int days) => Time.GetUtcNow().AddDays(-days);

    private static async Task<StoredRequest> ClosedAsync(Guid tenant, string email, int closedDaysAgo, string right = "access")
    {
        var request = await RetentionRows.RequestAsync(engine, tenant, email, DaysAgo(closedDaysAgo + 20), right);
        await RetentionRows.AddRecordsAsync(engine, request, email, DaysAgo(closedDaysAgo + 1));
        await RetentionRows.CloseAsync(engine, request, DaysAgo(closedDaysAgo));
        return request;
    }

    private static Task<IReadOnlyList<JournalEntry>> JournalAsync(StoredRequest request) =>
        engine.Services.GetRequiredService<JournalStore>().ReadAsync(request.TenantId, request.Id, CancellationToken.None);

    private static JsonNode Data(JournalEntry entry) => JsonNode.Parse(entry.Data)!;

    [Test]
    public async Task A_request_closed_longer_than_its_periods_loses_its_records_and_subject_but_keeps_its_proof_and_journal()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var request = await ClosedAsync(tenant.Id, "jeanne@example.org", closedDaysAgo: 1826);
        var before = await JournalAsync(request);

        var report = await Purge.RunAsync(CancellationToken.None);
        var again = await Purge.RunAsync(CancellationToken.None);

        var read = await engine.Services.GetRequiredService<RequestStore>().FindByIdAsync(tenant.Id, request.Id, CancellationToken.None);
        var journal = await JournalAsync(request);
        var purgedNow = await Rows.ScalarAsync<bool>(engine, "SELECT purged_at = @Now FROM requests WHERE id = @Id",
            new { request.Id, Now = Time.GetUtcNow() });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report!.ByPeriods, Is.GreaterThanOrEqualTo(1));
            Assert.That(await RetentionRows.CountAsync(engine, request.Id), Is.EqualTo(RetentionRows.None));
            Assert.That(JsonNode.Parse(read!.Subject)!["email"], Is.Null);
            Assert.That(read.Subject, Does.Not.Contain("Jeanne"));
            Assert.That(read.Details, Is.Null);
            Assert.That((read.Reference, read.RightKind, read.Regime, read.Status, read.ReceivedAt, read.EffectiveDue),
                Is.EqualTo((request.Reference, request.RightKind, request.Regime, "completed", request.ReceivedAt, request.EffectiveDue)));
            Assert.That(purgedNow, Is.True);
            // The journal keeps every earlier entry byte for byte, gains one, and its chain verifies.
            Assert.That(journal.Take(before.Count).Select(e => Convert.ToHexString(e.Hash)),
                Is.EqualTo(before.Select(e => Convert.ToHexString(e.Hash))));
            Assert.That(journal.Select(e => e.Kind), Is.EqualTo(before.Select(e => e.Kind).Append(JournalKinds.Purged)));
            Assert.That(JournalChain.FirstBroken(journal), Is.Null);
            Assert.That(journal[^1].Actor, Is.EqualTo(PurgedEntry.Actor));
            Assert.That(journal[^1].Data, Is.EqualTo("""{"reasons":["personal-data"],"erasure":null,"exports":1,"packs":1""" +
                ""","documents":1,"messages":1,"mail":1,"notes":1,"personalData":true}"""));
            Assert.That(journal[^1].Data, Does.Not.Contain("jeanne"));
            // Nothing more to do: a second run journals nothing.
            Assert.That((await JournalAsync(request)).Count, Is.EqualTo(journal.Count));
            Assert.That(again, Is.Not.Null);
        }
    }

    [Test]
    public async Task The_periods_run_out_one_by_one_exports_first_and_the_subject_stays_until_the_last()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var request = await ClosedAsync(tenant.Id, "paul@example.org", closedDaysAgo: 31);

        await Purge.RunAsync(CancellationToken.None);

        var read = await engine.Services.GetRequiredService<RequestStore>().FindByIdAsync(tenant.Id, request.Id, CancellationToken.None);
        var journal = await JournalAsync(request);
        using (Assert.EnterMultipleScope())
        {
            // Default periods: exports 30 days; packs and documents 90; mail 365; the request's personal data 1825.
            Assert.That(await RetentionRows.CountAsync(engine, request.Id), Is.EqualTo(RetentionRows.All with { Exports = 0 }));
            Assert.That(JsonNode.Parse(read!.Subject)!["email"]!.GetValue<string>(), Is.EqualTo("paul@example.org"));
            Assert.That(Data(journal[^1])["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "exports" }));
            Assert.That(Data(journal[^1])["exports"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(JournalChain.FirstBroken(journal), Is.Null);
        }
    }

    [Test]
    public async Task An_open_request_is_never_touched_however_old()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var request = await RetentionRows.RequestAsync(engine, tenant.Id, "open@example.org", DaysAgo(4000));
        await RetentionRows.AddRecordsAsync(engine, request, "open@example.org", DaysAgo(3999));
        await Rows.ScalarAsync<int>(engine, "UPDATE requests SET status = 'in-progress' WHERE id = @Id RETURNING 1", new { request.Id });

        await Purge.RunAsync(CancellationToken.None);

        var journal = await JournalAsync(request);
        var subject = await Rows.ScalarAsync<string>(engine, "SELECT subject->>'email' FROM requests WHERE id = @Id", new { request.Id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await RetentionRows.CountAsync(engine, request.Id), Is.EqualTo(RetentionRows.All));
            Assert.That(subject, Is.EqualTo("open@example.org"));
            Assert.That(journal.Select(e => e.Kind), Is.EqualTo(new[] { JournalKinds.Received }));
        }
    }

    [Test]
    public async Task An_organisations_shorter_periods_do_not_touch_another_organisation()
    {
        var strict = await TestTenant.CreateAsync(engine);
        var other = await TestTenant.CreateAsync(engine);
        var saved = await engine.Services.GetRequiredService<RetentionAdmin>().SaveAsync(AccountPages.Principal(strict, StaffRoles.Admin),
            new RetentionSettings(1, 2, 2, 3, 30), CancellationToken.None);
        var strictRequest = await ClosedAsync(strict.Id, "same@example.org", closedDaysAgo: 5);
        var otherRequest = await ClosedAsync(other.Id, "same@example.org", closedDaysAgo: 5);

        await Purge.RunAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(saved.Outcome, Is.EqualTo(Settings.SettingsChange.Done), saved.Message);
            // Exports 1, packs 2, documents 2, mail 3 days: all gone; the notes are personal data, kept until day 30.
            Assert.That(await RetentionRows.CountAsync(engine, strictRequest.Id), Is.EqualTo(RetentionRows.None with { Notes = 1 }));
            Assert.That(await RetentionRows.CountAsync(engine, otherRequest.Id), Is.EqualTo(RetentionRows.All));
            Assert.That((await JournalAsync(otherRequest)).Select(e => e.Kind), Does.Not.Contain(JournalKinds.Purged));
        }
    }

    [Test]
    public async Task A_completed_erasure_purges_the_engines_earlier_records_of_the_same_subject_only()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var earlier = await ClosedAsync(tenant.Id, "marie@example.org", closedDaysAgo: 2);
        var someoneElse = await ClosedAsync(tenant.Id, "luc@example.org", closedDaysAgo: 2);
        var erasure = await RetentionRows.RequestAsync(engine, tenant.Id, "Marie@Example.org", DaysAgo(1), "erasure");
        await RetentionRows.CloseAsync(engine, erasure, DaysAgo(0));

        var report = await Purge.RunAsync(CancellationToken.None);

        var journal = await JournalAsync(earlier);
        var subject = await Rows.ScalarAsync<string>(engine, "SELECT subject->>'email' FROM requests WHERE id = @Id", new { earlier.Id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report!.ByErasure, Is.GreaterThanOrEqualTo(1));
            // Files and mail go; the request itself (and its notes) stay until its own period, as proof.
            Assert.That(await RetentionRows.CountAsync(engine, earlier.Id), Is.EqualTo(RetentionRows.None with { Notes = 1 }));
            Assert.That(subject, Is.EqualTo("marie@example.org"));
            Assert.That(Data(journal[^1])["reasons"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "erasure" }));
            Assert.That(Data(journal[^1])["erasure"]!.GetValue<string>(), Is.EqualTo(erasure.Reference));
            Assert.That(JournalChain.FirstBroken(journal), Is.Null);
            Assert.That(await RetentionRows.CountAsync(engine, someoneElse.Id), Is.EqualTo(RetentionRows.All));
        }
    }

    [Test]
    public async Task Only_one_engine_node_purges_at_a_time()
    {
        await using var other = new NpgsqlConnection(engine.ConnectionString);
        await other.OpenAsync();
        Assert.That(await other.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(hashtextextended('dsar:retention-purge', 0))"));

        var whileHeld = await Purge.RunAsync(CancellationToken.None);
        await other.ExecuteScalarAsync<bool>("SELECT pg_advisory_unlock(hashtextextended('dsar:retention-purge', 0))");
        var afterwards = await Purge.RunAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whileHeld, Is.Null);
            Assert.That(afterwards, Is.Not.Null);
        }
    }

    // Rights row 51 (docs/rights.md#children): the keyed hash of a reported child's identity goes with the subject's data.
    [Test]
    public async Task A_purged_erasure_forgets_the_child_report_that_opened_it()
    {
        var tenant = await TestTenant.CreateAsync(engine);
        var request = await ClosedAsync(tenant.Id, "enfant@example.org", closedDaysAgo: 1826, right: "erasure");
        await Rows.ScalarAsync<int>(engine, """
            INSERT INTO child_reports (tenant_id, subject_key, request_id, source, age_under, reported_by, reported_at)
            VALUES (@TenantId, '\x01'::bytea, @Id, 'staff', 16, 'test', now()) RETURNING 1
            """, new { request.TenantId, request.Id });

        await Purge.RunAsync(CancellationToken.None);
        Assert.That(await Rows.CountAsync(engine, "child_reports", tenant.Id), Is.Zero);
    }
}
