using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DsarEngine.Server.Tests.TestData;
using static DsarEngine.Server.Tests.Processors.ContractEndingDriver;

namespace DsarEngine.Server.Tests.Processors;

// GDPR Art. 28(3)(g): at the end of a processor's services for a customer, its data is returned then deleted (the
// controller's choice), except what the agreement keeps, and the controller gets the data and a certificate saying what
// each system did. Real PostgreSQL, RabbitMQ and connectors built on the SDK.
public sealed class ContractEndingTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task The_whole_customer_is_returned_then_deleted_except_the_agreed_invoices_and_the_controller_gets_data_and_certificate()
    {
        var (processor, customer) = await SetUpAsync(Engine);
        var name = $"crm-{Guid.NewGuid():N}"[..12];
        await RequestDriver.RegisterAsync(processor.Staff(Engine, "admin"), name,
            new { actions = new[] { "export-customer", "erase-customer" } });
        using var connector = await StartConnectorAsync<Customer>(name, processor.Slug);
        try
        {
            var started = await StartAsync(Engine, processor, Body(Engine));
            var view = await WaitFinishedAsync(Engine, processor, (string)started["id"]!);
            var returned = TaskOf(view, name, "export-customer");
            var deleted = TaskOf(view, name, "erase-customer");
            var certificate = view["certificate"]!.AsObject();
            var system = certificate["systems"]!.AsArray().Single()!.AsObject();

            var controllerAdmin = customer.Staff(Engine, "admin");
            var atController = await controllerAdmin.GetFromJsonAsync<JsonArray>(
                $"/api/v1/staff/processors/{processor.Slug}/contract-endings");
            var bundleUrl = $"/api/v1/staff/processors/{processor.Slug}/contract-endings/{started["id"]}/bundle";
            var bundle = await controllerAdmin.GetAsync(bundleUrl);
            var byAgent = await customer.Staff(Engine, "agent").GetAsync(bundleUrl);
            Assert.That(bundle.StatusCode, Is.EqualTo(HttpStatusCode.OK), await bundle.Content.ReadAsStringAsync());
            // A controller outside the engine gets the same ZIP through an expiring link; a wrong token gets nothing.
            var link = await (await processor.Staff(Engine, "admin")
                .PostAsync($"/api/v1/staff/contract-endings/{started["id"]}/bundle-link", null)).ReadObjectAsync();
            var path = new Uri((string)link["url"]!).PathAndQuery;
            var byLink = await Engine.CreateClient().GetAsync(path);
            var byWrongToken = await Engine.CreateClient().GetAsync(path[..path.IndexOf("token=", StringComparison.Ordinal)] + "token=x");
            using var zip = new ZipArchive(await bundle.Content.ReadAsStreamAsync());
            var exported = await ReadAsync(zip.GetEntry($"{name}.json")!);
            var manifest = JsonNode.Parse(await ReadAsync(zip.GetEntry("manifest.json")!))!;
            using (Assert.EnterMultipleScope())
            {
                Assert.That((string?)view["outcome"], Is.EqualTo("complete"));
                Assert.That((string)returned["status"]!, Is.EqualTo("done"));
                Assert.That((int)returned["export"]!["records"]!, Is.EqualTo(5));
                Assert.That((string)deleted["status"]!, Is.EqualTo("partial"), "it kept the agreed invoices");
                Assert.That(Kept[name].Select(k => (k.Category, k.Source)), Is.EqualTo(new[] { ("invoices", "agreement") }));
                Assert.That((string)certificate["kind"]!, Is.EqualTo("certificate-of-deletion"));
                Assert.That((string)certificate["controller"]!, Is.EqualTo("Acme Retail SA"));
                Assert.That((bool)system["deleted"]!["kept"]![0]!["perAgreement"]!, Is.True);
                Assert.That((bool)view["journalIntact"]!, Is.True);
                Assert.That(view["journal"]!.AsArray().Select(j => (string)j!), Is.EqualTo(new[]
                {
                    "contract-ending-recorded", "contract-ending-fan-out", "contract-ending-task", "contract-ending-fan-out",
                    "contract-ending-task", "contract-ending-certificate",
                }));
                Assert.That(atController!.Single()!["certificate"]!["outcome"]!.GetValue<string>(), Is.EqualTo("complete"));
                Assert.That(byAgent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
                Assert.That(byLink.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(byLink.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/zip"));
                Assert.That(byWrongToken.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
                Assert.That(exported, Does.Contain("O-000005"), "the customer's data, readable");
                Assert.That((string)manifest["systems"]![0]!["sha256"]!,
                    Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(exported)))));
            }
        }
        finally
        {
            await StopAsync(connector, processor.Slug, name);
        }
    }

    [Test]
    public async Task A_failing_system_and_one_without_the_action_are_reported_as_not_done_and_the_failed_one_is_not_deleted()
    {
        var (processor, _) = await SetUpAsync(Engine);
        var broken = $"arc-{Guid.NewGuid():N}"[..12];
        var legacy = $"old-{Guid.NewGuid():N}"[..12];
        var admin = processor.Staff(Engine, "admin");
        await RequestDriver.RegisterAsync(admin, broken, new { actions = new[] { "export-customer", "erase-customer" } });
        await RequestDriver.RegisterAsync(admin, legacy, new { actions = new[] { "export", "erase" } });
        using var connector = await StartConnectorAsync<Broken>(broken, processor.Slug);
        try
        {
            var started = await StartAsync(Engine, processor, Body(Engine));
            var view = await WaitFinishedAsync(Engine, processor, (string)started["id"]!);
            var notDone = view["certificate"]!["notDone"]!.AsArray().Select(n => (string)n!).ToList();
            using (Assert.EnterMultipleScope())
            {
                Assert.That((string?)view["outcome"], Is.EqualTo("incomplete"));
                Assert.That((string)TaskOf(view, broken, "export-customer")["status"]!, Is.EqualTo("failed"));
                Assert.That((string)TaskOf(view, broken, "export-customer")["summary"]!, Does.StartWith("unavailable"));
                Assert.That((string)TaskOf(view, broken, "erase-customer")["status"]!, Is.EqualTo("skipped"),
                    "data that could not be returned is not deleted");
                Assert.That((string)TaskOf(view, legacy, "export-customer")["status"]!, Is.EqualTo("not-covered"));
                Assert.That(notDone, Is.EquivalentTo(new[]
                {
                    $"{broken}: export-customer failed", $"{broken}: erase-customer skipped",
                    $"{legacy}: export-customer not-covered", $"{legacy}: erase-customer skipped",
                }));
                Assert.That(Kept.ContainsKey(broken), Is.False);
            }
        }
        finally
        {
            await StopAsync(connector, processor.Slug, broken);
        }
    }

    [Test]
    public async Task Only_a_processors_admin_ends_a_contract_of_its_own_workspace_and_a_refusal_stores_nothing()
    {
        var (processor, customer) = await SetUpAsync(Engine);
        var (other, _) = await SetUpAsync(Engine);
        var url = "/api/v1/staff/workspaces/acme/end-of-contract";
        var byAgent = await processor.Staff(Engine, "agent").PostAsJsonAsync(url, Body(Engine));
        var byPrivacyOfficer = await processor.Staff(Engine, "privacy-officer").PostAsJsonAsync(url, Body(Engine));
        var atController = await customer.Staff(Engine, "admin").PostAsJsonAsync(url, Body(Engine));
        var unknownWorkspace = await processor.Staff(Engine, "admin")
            .PostAsJsonAsync("/api/v1/staff/workspaces/nope/end-of-contract", Body(Engine));
        var bad = await processor.Staff(Engine, "admin").PostAsJsonAsync(url, new
        {
            choice = "shred", agreedOn = "2999-01-01", exceptions = new[] { new { category = "invoices", legalBasis = "" } },
        });
        var problem = await bad.ReadObjectAsync();
        var started = await StartAsync(Engine, other, Body(Engine, "delete"));
        var fromProcessor = await processor.Staff(Engine, "admin").GetAsync($"/api/v1/staff/contract-endings/{started["id"]}");
        var fromItsCustomer = await customer.Staff(Engine, "admin").GetAsync($"/api/v1/staff/processors/{other.Slug}/contract-endings");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byAgent.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(byPrivacyOfficer.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(atController.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(unknownWorkspace.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(bad.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key),
                Is.EquivalentTo(new[] { "choice", "agreedOn", "exceptions[0].legalBasis" }));
            Assert.That(await processor.Staff(Engine, "auditor").GetFromJsonAsync<JsonArray>("/api/v1/staff/contract-endings"),
                Is.Empty, "nothing was stored");
            Assert.That(fromProcessor.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another processor's end of contract");
            Assert.That(fromItsCustomer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a processor this organisation did not accept");
        }
    }

    private static async Task<string> ReadAsync(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return await reader.ReadToEndAsync();
    }
}
