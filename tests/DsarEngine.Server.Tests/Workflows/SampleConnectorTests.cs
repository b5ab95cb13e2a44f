using System.Net.Http.Json;
using DsarEngine.Samples.CrmConnector;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Server.Tests.Workflows;

// The sample CRM connector (samples/) run for real: an erasure reaches it over the broker, it erases what it
// may and says what it retained and why.
public sealed class SampleConnectorTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_erasure_runs_through_the_sample_crm_connector()
    {
        var name = $"crm-{Guid.NewGuid():N}"[..14];
        var crm = new CrmData(customers: 20);
        var customer = crm.All.First();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(crm);
        builder.Services.AddCrmConnector(name, new Uri(TestDatabase.AmqpUrl));
        using var connector = builder.Build();
        await connector.StartAsync();
        try
        {
            var tenant = await TestTenant.CreateAsync(Engine);
            await TestData.Workflows.RegisterConnectorAsync(Engine, tenant.Id, name, "export", "erase");
            var body = Submissions.Valid(tenant.Slug, "erasure");
            body["subject"]!["email"] = customer.Email;
            var reference = (string)(await (await Engine.CreateClient().SendAsync(Submissions.Post(body))).ReadObjectAsync())["reference"]!;
            var staff = tenant.Staff(Engine, "privacy-officer");
            await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("identity"), "identity");
            await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/identity", new { evidence = "Account e-mail confirmed." });
            await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:assess"), "assessment");
            await staff.PostAsJsonAsync($"/api/v1/staff/requests/{reference}/decisions", new { step = "assess", outcome = "proceed" });
            var reviewed = await TestData.Workflows.WaitForAsync(staff, reference, TestData.Workflows.WaitingFor("decision:review"), "review");
            using (Assert.EnterMultipleScope())
            {
                var task = reviewed["tasks"]!.AsArray().Single()!;
                Assert.That((string)task["status"]!, Is.EqualTo("partial"));
                Assert.That((string)task["detail"]!, Does.Contain("invoices retained"));
                Assert.That(crm.Find([new DsarEngine.Connectors.Contracts.SubjectIdentity("email", customer.Email)]), Is.Null);
            }
        }
        finally
        {
            await connector.StopAsync();
        }
    }
}
