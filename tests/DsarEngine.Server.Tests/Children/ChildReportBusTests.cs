using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;
using DsarEngine.Samples.CrmConnector;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Tests.TestData;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Tests.Children;

// Legal review row 51 from the connector's side: the CRM sample (seed 002) finds a customer under 16 and reports it
// (ChildDataFound through the SDK's DsarReports); the engine opens the organisation's own erasure, every system erases, and
// the child's records are gone from the CRM's store. A report for another organisation opens nothing.
public sealed class ChildReportBusTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    private static string ReplyExchange => Queues.ReplyExchange(Engine.Services.GetRequiredService<IOptions<BusOptions>>().Value);

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Test]
    public async Task The_CRM_sample_reports_a_child_it_finds_and_the_erasure_removes_the_childs_records()
    {
        var tenant = await SampleOrganisations.CreateAsync(Engine, "crm-vendor");
        await using var systems = await SampleSystems.StartAsync([tenant.Slug], replyExchange: ReplyExchange);
        await systems.RegisterAsync(tenant.Staff(Engine, "admin"));
        var staff = tenant.Staff(Engine, "privacy-officer");
        var child = SamplePeople.All[7];
        var parent = Submissions.UniqueEmail("guardian");
        await using (var c = new NpgsqlConnection(systems.ConnectionString))
            await c.ExecuteAsync("UPDATE crm.customers SET birth_date = @Born::date, guardian_email = @Parent WHERE id = @Id", new
            {
                Born = Today.AddYears(-13).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Parent = parent, Id = child.CustomerId,
            });

        var scan = systems.Service<CrmChildScan>();
        var found = await scan.ScanAsync(CancellationToken.None);
        var reference = await OnlyRequestAsync(staff);
        Assert.That(await scan.ScanAsync(CancellationToken.None), Is.EqualTo(1), "the next scan finds the child again");
        var notice = await MailCatcher.WaitForAsync(parent, "child-data-erasure");
        await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "the assessment");
        await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
        await RequestDriver.ApproveUntilClosedAsync(staff, reference);
        var journal = await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/requests/{reference}/journal");
        await using var db = new NpgsqlConnection(systems.ConnectionString);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Is.EqualTo(1), "one customer under 16 in the CRM");
            Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM crm.customers WHERE id = @CustomerId", child), Is.Zero,
                "the child's customer record is gone");
            Assert.That(await db.ExecuteScalarAsync<long>("SELECT count(*) FROM crm.notes WHERE customer_id = @CustomerId", child),
                Is.Zero, "and the notes about them");
            Assert.That(await Rows.CountAsync(Engine, "requests", tenant.Id), Is.EqualTo(1), "two scans, one erasure");
            Assert.That((string)journal!["entries"]![0]!["data"]!["initiative"]!["source"]!, Is.EqualTo($"connector:{systems.Crm}"));
            Assert.That(Flat(notice.Body), Does.Contain("по собственной инициативе").And.Contain(child.Name), "Russian, to the guardian");
        }
    }

    // Connector users may write the reply exchange, so a report can name any organisation: the engine accepts it only from
    // the broker user the named organisation registered for that connector.
    [Test]
    public async Task A_report_naming_an_organisation_that_did_not_register_the_sender_opens_nothing()
    {
        var (mine, theirs) = (await TestTenant.CreateAsync(Engine), await TestTenant.CreateAsync(Engine));
        const string Crm = "crm";
        await RequestDriver.RegisterAsync(mine.Staff(Engine, "admin"), Crm, new { actions = new[] { "erase" } });
        await RequestDriver.RegisterAsync(theirs.Staff(Engine, "admin"), Crm,
            new { actions = new[] { "erase" }, bus = new { user = "their.crm" } });
        var bus = Engine.Services.GetRequiredService<IBus>();
        var replies = await bus.GetSendEndpoint(new Uri($"exchange:{ReplyExchange}"));
        SubjectIdentity[] kid = [new(SubjectIdentityTypes.Email, Submissions.UniqueEmail("kid"))];

        await replies.Send(new ChildDataFound(theirs.Slug, Crm, kid, null, 9, null, null));
        await replies.Send(new ChildDataFound(theirs.Slug, "not-registered", kid, null, 9, null, null));
        // A report the engine accepts, sent after the refused ones: once it is in, the others were handled before it.
        await replies.Send(new ChildDataFound(mine.Slug, Crm, kid, null, 9, null, null));
        await OnlyRequestAsync(mine.Staff(Engine, "auditor"));
        Assert.That(await Rows.CountAsync(Engine, "requests", theirs.Id), Is.Zero);
    }

    // The one request of the organisation, once the engine has opened it.
    private static async Task<string> OnlyRequestAsync(HttpClient staff)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var list = await staff.GetFromJsonAsync<JsonArray>("/api/v1/staff/requests");
            if (list!.Count > 0)
            {
                Assert.That(list, Has.Count.EqualTo(1));
                Assert.That((string)list[0]!["right"]!, Is.EqualTo("erasure"));
                return (string)list[0]!["reference"]!;
            }
            await Task.Delay(100);
        }
        Assert.Fail("No erasure was opened for the reported child.");
        return "";
    }

    // The text as read, whatever the line breaks.
    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
