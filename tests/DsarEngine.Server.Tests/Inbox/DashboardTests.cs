using System.Net;
using Dapper;
using DsarEngine.Server.Inbox;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Inbox;

// The dashboard's figures over requests in known states (rows written as the engine writes them, the closures as journal
// entries), for one organisation only, on the page and in the CSV export.
public sealed class DashboardTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    // A Wednesday: the current week starts on Monday 9 June.
    private static readonly DateTimeOffset Now = new(2025, 6, 11, 12, 0, 0, TimeSpan.Zero);

    private static DashboardQueries Queries => Engine.Services.GetRequiredService<DashboardQueries>();

    [Test]
    public async Task The_figures_count_open_due_overdue_extended_and_refused_requests_exactly()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await SeedAsync(tenant.Id, Now);
        var f = await Queries.ReadAsync(tenant.Id, Now, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(f.OpenByStatus,
                Is.EqualTo(new[] { Count("awaiting-identity", 1), Count("in-progress", 2), Count("needs-attention", 1) }));
            Assert.That(f.OpenByRight, Is.EqualTo(new[] { Count("access", 2), Count("erasure", 2) }));
            Assert.That(f.DueThisWeek, Is.EqualTo(1), "due in 3 days; the one due in 20 days is not");
            Assert.That(f.Overdue, Is.EqualTo(1), "the request whose clock is stopped is not overdue");
            Assert.That(f.Extensions, Is.EqualTo(2));
            Assert.That(f.Refusals, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task The_median_and_90th_percentile_time_to_close_run_from_receipt_to_the_first_closing_entry()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await SeedAsync(tenant.Id, Now);
        var f = await Queries.ReadAsync(tenant.Id, Now, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            // Closed after 2, 10, 20 and 30 days: the median lies halfway between 10 and 20; the 90th percentile at 2.7 of
            // the 3 gaps, 70% of the way from 20 to 30 (percentile_cont interpolates).
            Assert.That(f.Closed, Is.EqualTo(4));
            Assert.That(f.MedianDaysToClose, Is.EqualTo(15).Within(1e-9));
            Assert.That(f.P90DaysToClose, Is.EqualTo(27).Within(1e-9));
        }
    }

    [Test]
    public async Task Connector_rates_count_each_attempt_once_even_when_a_late_reply_follows_its_timeout()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await SeedAsync(tenant.Id, Now);
        var f = await Queries.ReadAsync(tenant.Id, Now, CancellationToken.None);
        Assert.That(f.Connectors, Is.EqualTo(new[] { new ConnectorRates("billing", 1, 0, 0), new ConnectorRates("crm", 3, 1, 1) }));
        Assert.That(f.Connectors[1].FailureRate, Is.EqualTo(1.0 / 3).Within(1e-12));
    }

    [Test]
    public async Task Requests_per_channel_fall_into_the_twelve_weeks_that_end_with_the_current_one()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await SeedAsync(tenant.Id, Now);
        var f = await Queries.ReadAsync(tenant.Id, Now, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(f.Weeks[0], Is.EqualTo(new DateOnly(2025, 3, 24)));
            Assert.That(f.Weeks[^1], Is.EqualTo(new DateOnly(2025, 6, 9)));
            Assert.That(f.Channels.Select(c => c.Channel), Is.EqualTo(new[] { "api", "email", "post", "web-form" }));
            Assert.That(f.Channels.Single(c => c.Channel == "web-form").Counts,
                Is.EqualTo(new long[] { 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1 }));
            Assert.That(f.Channels.Single(c => c.Channel == "email").Counts, Is.EqualTo(new long[] { 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0 }));
        }
    }

    [Test]
    public async Task Another_organisations_requests_never_count()
    {
        var mine = await TestTenant.CreateAsync(Engine);
        var theirs = await TestTenant.CreateAsync(Engine);
        await SeedAsync(mine.Id, Now);
        await SeedAsync(theirs.Id, Now);
        await SeedAsync(theirs.Id, Now);
        var f = await Queries.ReadAsync(mine.Id, Now, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(f.OpenByStatus.Sum(c => c.Count), Is.EqualTo(4));
            Assert.That(f.Overdue, Is.EqualTo(1));
            Assert.That(f.Refusals, Is.EqualTo(1));
            Assert.That(f.Closed, Is.EqualTo(4));
            Assert.That(f.Connectors.Sum(c => c.Attempts), Is.EqualTo(4));
            Assert.That(f.Channels.Sum(c => c.Counts.Sum()), Is.EqualTo(8));
        }
        Assert.That((await Queries.ReadAsync(theirs.Id, Now, CancellationToken.None)).Overdue, Is.EqualTo(2), "theirs has its own");
    }

    [Test]
    public async Task An_organisation_with_no_requests_has_no_median_and_zeros_elsewhere()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var f = await Queries.ReadAsync(tenant.Id, Now, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(f.MedianDaysToClose, Is.Null);
            Assert.That(f.Closed + f.Overdue + f.DueThisWeek + f.Refusals + f.Extensions, Is.Zero);
            Assert.That(DashboardExport.Csv(f), Does.Contain("\nmedian-days-to-close,,\n"));
        }
    }

    // A request its subject withdrew is finished: not open, not due, counted among closures (from its withdrawal) and apart.
    [Test]
    public async Task A_withdrawn_request_is_finished_counted_as_a_withdrawal_and_closed_when_withdrawn()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await using (var c = new NpgsqlConnection(Engine.ConnectionString))
        {
            await c.OpenAsync();
            var id = await InsertAsync(c, tenant.Id, "withdrawn", "erasure", "web-form", Now.AddDays(-10), Now.AddDays(-1));
            await AppendAsync(c, tenant.Id, id, Now.AddDays(-6), "withdrawn-by-subject",
                "{\"step\":\"assess\",\"acted\":[],\"unanswered\":[]}");
        }
        var f = await Queries.ReadAsync(tenant.Id, Now, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(f.OpenByStatus, Is.Empty);
            Assert.That(f.Overdue, Is.Zero, "a withdrawn request is no longer due");
            Assert.That(f.Withdrawals, Is.EqualTo(1));
            Assert.That(f.Closed, Is.EqualTo(1));
            Assert.That(f.MedianDaysToClose, Is.EqualTo(4).Within(0.001));
            Assert.That(DashboardExport.Csv(f).Split('\n'), Does.Contain("withdrawals,,1"));
        }
    }

    [Test]
    public async Task The_csv_export_needs_a_sign_in()
    {
        var response = await InboxSession.Browser(Engine).GetAsync(DashboardExport.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/inbox/sign-in?returnUrl=%2Finbox%2Fdashboard.csv"));
        }
    }

    [Test]
    public async Task The_csv_export_gives_the_signed_in_organisations_figures_as_an_attachment()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        var other = await TestTenant.CreateAsync(Engine);
        var now = Engine.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await SeedAsync(tenant.Id, now);
        await SeedAsync(other.Id, now);
        var browser = await InboxSession.SignedInAsync(Engine, tenant, StaffRoles.Auditor);
        var response = await browser.GetAsync(DashboardExport.Path);
        var csv = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), csv);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(csv, Does.StartWith("metric,dimension,value\n"));
            Assert.That(csv.Split('\n'), Does.Contain("overdue,,1").And.Contain("refusals,,1").And.Contain("median-days-to-close,,15")
                .And.Contain("p90-days-to-close,,27").And.Contain("open-by-status,in-progress,2")
                .And.Contain("connector-failure-rate,crm,0.3333"));
            Assert.That(csv, Is.EqualTo(DashboardExport.Csv(await Queries.ReadAsync(tenant.Id, now, CancellationToken.None))));
        }
    }

    [Test]
    public async Task Every_role_reads_the_dashboard_and_each_figure_links_to_the_filtered_inbox()
    {
        var tenant = await TestTenant.CreateAsync(Engine);
        await SeedAsync(tenant.Id, Engine.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        foreach (var role in StaffRoles.All)
        {
            var page = await (await InboxSession.SignedInAsync(Engine, tenant, role)).GetAsync("/inbox/dashboard");
            var html = await page.Content.ReadAsStringAsync();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), role);
                Assert.That(html, Does.Contain("href=\"/inbox?view=overdue\"").And.Contain("href=\"/inbox?view=due-this-week\"")
                    .And.Contain("href=\"/inbox?status=in-progress\"").And.Contain("href=\"/inbox?right=erasure\"")
                    .And.Contain("href=\"/inbox?channel=web-form\"").And.Contain("href=\"/inbox/dashboard.csv\""), role);
                Assert.That(html, Does.Contain("15 days"), role);
            }
        }
    }

    [TestCase("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [TestCase("+1", "'+1")]
    [TestCase("-1", "'-1")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("web-form", "web-form")]
    [TestCase("a,b", "\"a,b\"")]
    public void A_csv_value_that_a_spreadsheet_would_run_is_defused(string value, string field) =>
        Assert.That(DashboardExport.Field(value), Is.EqualTo(field));

    private static DashboardCount Count(string key, long count) => new(key, count);

    // Eight requests of one organisation in known states, relative to now; see the expectations in the tests above.
    private static async Task SeedAsync(Guid tenantId, DateTimeOffset now)
    {
        await using var c = new NpgsqlConnection(Engine.ConnectionString);
        await c.OpenAsync();
        await InsertAsync(c, tenantId, "in-progress", "access", "web-form", now.AddDays(-10), now.AddDays(3));
        await InsertAsync(c, tenantId, "in-progress", "erasure", "email", now.AddDays(-40), now.AddDays(-2), extended: true);
        await InsertAsync(c, tenantId, "awaiting-identity", "access", "web-form", now.AddDays(-1), now.AddDays(-1), stopped: true);
        var failing = await InsertAsync(c, tenantId, "needs-attention", "erasure", "api", now.AddDays(-20), now.AddDays(20));
        var completed = await ClosedAsync(c, tenantId, "completed", "access", "web-form", now.AddDays(-30), 10, JournalKindsClosed);
        await ClosedAsync(c, tenantId, "completed", "erasure", "post", now.AddDays(-50), 20, JournalKindsClosed, extended: true);
        await ClosedAsync(c, tenantId, "refused", "access", "email", now.AddDays(-15), 2, JournalKindsClosed);
        await ClosedAsync(c, tenantId, "closed", "access", "web-form", now.AddDays(-60), 30, "closed-by-operator");
        await JournalAsync(c, tenantId, completed, now.AddDays(-25), "connector-completed", "crm", 1);
        await JournalAsync(c, tenantId, completed, now.AddDays(-25), "connector-completed", "billing", 1);
        await JournalAsync(c, tenantId, failing, now.AddDays(-19), "connector-failed", "crm", 1);
        await JournalAsync(c, tenantId, failing, now.AddDays(-12), "connector-timed-out", "crm", 2);
        await JournalAsync(c, tenantId, failing, now.AddDays(-11), "connector-completed", "crm", 2);
    }

    private const string JournalKindsClosed = "closed";

    private static async Task<Guid> ClosedAsync(NpgsqlConnection c, Guid tenantId, string status, string right, string channel,
        DateTimeOffset received, int days, string kind, bool extended = false)
    {
        var id = await InsertAsync(c, tenantId, status, right, channel, received, received.AddDays(30), extended);
        await AppendAsync(c, tenantId, id, received.AddDays(days), kind, "{\"outcome\":\"completed\"}");
        // A later closing entry (an operator closing it again) does not move the closure.
        await AppendAsync(c, tenantId, id, received.AddDays(days + 5), "closed-by-operator", "{\"step\":\"deliver\",\"reason\":\"again\"}");
        return id;
    }

    private static Task JournalAsync(NpgsqlConnection c, Guid tenantId, Guid requestId, DateTimeOffset at, string kind, string connector,
        int attempt) =>
        AppendAsync(c, tenantId, requestId, at, kind, $"{{\"connector\":\"{connector}\",\"action\":\"erase\",\"attempt\":{attempt}}}");

    private static async Task AppendAsync(NpgsqlConnection c, Guid tenantId, Guid requestId, DateTimeOffset at, string kind, string data)
    {
        await using var tx = await c.BeginTransactionAsync();
        await JournalStore.AppendEventAsync(c, tx, tenantId, requestId, at, "test", kind, data, CancellationToken.None);
        await tx.CommitAsync();
    }

    private const string InsertSql = """
        INSERT INTO requests (id, tenant_id, reference, status_token_hash, right_kind, subject, channel, jurisdiction, regime, language,
            status, received_at, created_at, due_at, extended, stops)
        VALUES (@Id, @TenantId, @Reference, '\x00', @Right, '{}', @Channel, 'FR', 'gdpr', 'en',
            @Status, @ReceivedAt, @ReceivedAt, @DueAt, @Extended, @Stops::jsonb)
        """;

    private static async Task<Guid> InsertAsync(NpgsqlConnection c, Guid tenantId, string status, string right, string channel,
        DateTimeOffset received, DateTimeOffset due, bool extended = false, bool stopped = false)
    {
        var id = Guid.NewGuid();
        await c.ExecuteAsync(InsertSql, new
        {
            Id = id, TenantId = tenantId, Reference = $"DSR-T-{id:N}"[..20], Right = right, Channel = channel, Status = status,
            ReceivedAt = received, DueAt = due, Extended = extended,
            Stops = stopped ? $"[{{\"start\":\"{received:yyyy-MM-dd}\",\"end\":null,\"reason\":\"identity-proof\"}}]" : "[]",
        });
        return id;
    }
}
