using System.Net.Http.Json;
using Dapper;
using DsarEngine.Samples.Common;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using Npgsql;

namespace DsarEngine.Server.Tests.Connectors;

// A connector killed with SIGKILL in the middle of its tasks and started again: every task ends terminal, and the
// work was done exactly once per task (the CRM's operations table has one row per task; every journal one answer).
public sealed class ConnectorCrashTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task Killing_the_crm_mid_task_and_restarting_it_ends_with_every_task_done_once()
    {
        var samples = await TestDatabase.CreateAsync("dsar_samples");
        var name = $"crm-kill-{Guid.NewGuid():N}"[..16];
        var slug = $"kill-{Guid.NewGuid():N}"[..16];
        var settings = new Dictionary<string, string>
        {
            ["Dsar:Bus:Url"] = TestDatabase.AmqpUrl, ["ConnectionStrings:Samples"] = samples, ["Connector:Name"] = name,
            ["Connector:Tenants"] = slug,
            ["Connector:WorkDelayMs"] = "1500", ["Logging:LogLevel:Default"] = "Warning",
        };
        var crm = ServiceProcess.Start("DsarEngine.Samples.CrmConnector.dll", settings);
        try
        {
            var tenant = await TestTenant.CreateAsync(Engine, slug: slug);
            await RequestDriver.RegisterAsync(tenant.Staff(Engine, "admin"), name, new { actions = new[] { "erase" } });
            var staff = tenant.Staff(Engine, "privacy-officer");
            var people = SamplePeople.All.Skip(100).Take(6).ToList();
            var references = new List<string>();
            foreach (var person in people)
            {
                var reference = await RequestDriver.SubmitAsync(Engine, tenant, "erasure", person.Email);
                await RequestDriver.ToFanOutAsync(staff, reference);
                references.Add(reference);
            }
            // Mid-task: the connector has taken work (acknowledged) and not finished all of it.
            await TestData.Workflows.WaitForAsync(staff, references[0], v => (string)RequestDriver.Task(v, name)["status"]! != "sent",
                "the first acknowledgement");
            crm.Kill();
            var finishedBeforeKill = await CountDoneAsync(staff, references, name);
            crm = ServiceProcess.Start("DsarEngine.Samples.CrmConnector.dll", settings);

            foreach (var reference in references)
                await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"),
                    $"{reference} after the restart");
            var operations = await ScalarAsync(samples, "SELECT count(*) FROM crm.operations WHERE action = 'erase'");
            var remaining = await ScalarAsync(samples, "SELECT count(*) FROM crm.customers WHERE email = ANY(@emails)",
                new { emails = people.Select(p => p.Email).ToArray() });
            var answers = new List<int>();
            foreach (var reference in references)
            {
                var journal = await staff.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(
                    $"/api/v1/staff/requests/{reference}/journal");
                answers.Add(journal!["entries"]!.AsArray().Count(e => (string)e!["kind"]! == "connector-completed"));
            }
            using (Assert.EnterMultipleScope())
            {
                Assert.That(finishedBeforeKill, Is.LessThan(references.Count), "the kill came after every task had finished: not mid-task");
                Assert.That(operations, Is.EqualTo(references.Count));
                Assert.That(remaining, Is.Zero);
                Assert.That(answers, Has.All.EqualTo(1));
            }
        }
        finally
        {
            await crm.DisposeAsync();
            await TestDatabase.DropAsync(samples);
        }
    }

    private static async Task<int> CountDoneAsync(HttpClient staff, IEnumerable<string> references, string connector)
    {
        var done = 0;
        foreach (var reference in references)
        {
            var view = await staff.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/staff/requests/{reference}/workflow");
            done += (string)RequestDriver.Task(view!, connector)["status"]! == "done" ? 1 : 0;
        }
        return done;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, object? parameters = null)
    {
        await using var c = new NpgsqlConnection(connectionString);
        return await c.ExecuteScalarAsync<long>(sql, parameters);
    }
}
