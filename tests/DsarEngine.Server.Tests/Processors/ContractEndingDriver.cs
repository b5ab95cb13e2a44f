using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Server.Tests.Processors;

// A processor with one customer on this engine (accepted), and SDK connectors that export and delete a whole customer.
internal static class ContractEndingDriver
{
    // What each erase command asked to keep, by connector: the agreement's exceptions must reach the systems.
    public static readonly ConcurrentDictionary<string, IReadOnlyList<KeepCategory>> Kept = new();

    internal sealed class Customer : ICustomerExportHandler, ICustomerEraseHandler
    {
        public Task<ExportDocument?> ExportCustomerAsync(ExportCustomerData command, TaskContext context, CancellationToken ct) =>
            Task.FromResult<ExportDocument?>(ExportingConnector.Sample(command.Task.Connector, 5));

        // Deletes everything but what it was told to keep (invoices under the agreement), and says so.
        public Task<TaskResult> EraseCustomerAsync(EraseCustomerData command, TaskContext context, CancellationToken ct)
        {
            Kept[command.Task.Connector] = command.Keep;
            return Task.FromResult(command.Keep.Count == 0
                ? TaskResult.Done($"Workspace {command.Workspace} deleted.")
                : TaskResult.Partial($"Workspace {command.Workspace} deleted except what the agreement keeps.",
                    [.. command.Keep.Select(k => new RetainedData(k.Category, k.LegalBasis, k.Until))]));
        }
    }

    internal sealed class Broken : ICustomerExportHandler, ICustomerEraseHandler
    {
        public Task<ExportDocument?> ExportCustomerAsync(ExportCustomerData command, TaskContext context, CancellationToken ct) =>
            throw new ConnectorFailureException("unavailable", "The archive store is down.", false);

        public Task<TaskResult> EraseCustomerAsync(EraseCustomerData command, TaskContext context, CancellationToken ct) =>
            throw new ConnectorFailureException("unavailable", "The archive store is down.", false);
    }

    public static async Task<(TestTenant Processor, TestTenant Customer)> SetUpAsync(EngineFactory engine)
    {
        var customer = await TestTenant.CreateAsync(engine, name: "Acme Retail SA");
        var processor = await TestTenant.CreateAsync(engine, name: "AsthronAI SAS");
        var admin = processor.Staff(engine, "admin");
        Assert.That((await admin.PutAsJsonAsync("/api/v1/staff/organisation/role", new { role = "processor" })).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await admin.PutAsJsonAsync("/api/v1/staff/workspaces/acme",
            new { displayName = "Acme Retail", customer = customer.Slug })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await customer.Staff(engine, "admin").PutAsync($"/api/v1/staff/processors/{processor.Slug}", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.OK));
        return (processor, customer);
    }

    public static string Today(EngineFactory engine) =>
        DateOnly.FromDateTime(engine.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");

    public static object Body(EngineFactory engine, string choice = "return-then-delete") => new
    {
        choice, agreedOn = Today(engine),
        exceptions = new[] { new { category = "invoices", legalBasis = "Tax and billing retention: Code de commerce L123-22, 10 years",
            until = "2036-12-31" } },
    };

    public static async Task<JsonObject> StartAsync(EngineFactory engine, TestTenant processor, object body)
    {
        var response = await processor.Staff(engine, "admin").PostAsJsonAsync("/api/v1/staff/workspaces/acme/end-of-contract", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    public static async Task<JsonObject> WaitFinishedAsync(EngineFactory engine, TestTenant processor, string id)
    {
        var staff = processor.Staff(engine, "auditor");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        JsonObject view = [];
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            view = (await staff.GetFromJsonAsync<JsonObject>($"/api/v1/staff/contract-endings/{id}"))!;
            if ((string?)view["phase"] == "finished")
                return view;
            await Task.Delay(50);
        }
        Assert.Fail($"The end of contract did not finish; last view: {view.ToJsonString()}");
        return view;
    }

    public static JsonObject TaskOf(JsonObject view, string connector, string action) =>
        view["tasks"]!.AsArray().Select(t => t!.AsObject())
            .Single(t => (string)t["connector"]! == connector && (string)t["action"]! == action);

    public static Task<IHost> StartConnectorAsync<THandlers>(string name, string tenant) where THandlers : class =>
        SdkConnectorHost.StartAsync<THandlers>(name, tenant);

    public static async Task StopAsync(IHost connector, string tenant, string name)
    {
        await connector.StopAsync();
        connector.Dispose();
        await BrokerCleanup.DeleteAsync(DsarConnectorSetup.QueueName(tenant, name));
    }
}
