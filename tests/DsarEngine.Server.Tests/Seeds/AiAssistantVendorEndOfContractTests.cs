using System.Net;
using System.Net.Http.Json;
using DsarEngine.Server.Tests.TestData;
using static DsarEngine.Server.Tests.Processors.ContractEndingDriver;

namespace DsarEngine.Server.Tests.Seeds;

// Seed 004 AsthronAI: "On closure or a valid deletion request, AsthronAI deletes, exports or retains per agreement, legal
// obligations, tax/billing retention, backup cycles, dispute resolution" (GDPR Art. 28(3)(g)). The AI sample's outside
// customer (atelier-lumiere) leaves: its data is returned by link, then deleted but for what the agreement keeps.
public sealed class AiAssistantVendorEndOfContractTests
{
    private static EngineFactory Engine => SharedEngine.Engine;

    [Test]
    public async Task An_outside_customers_data_is_returned_by_link_then_deleted_but_for_billing_and_dispute_records()
    {
        var vendor = await SampleOrganisations.CreateAsync(Engine, "ai-assistant-vendor");
        var name = $"chat-{Guid.NewGuid():N}"[..13];
        var admin = vendor.Staff(Engine, "admin");
        await RequestDriver.RegisterAsync(admin, name, new { actions = new[] { "export-customer", "erase-customer" } });
        using var connector = await StartConnectorAsync<Customer>(name, vendor.Slug);
        try
        {
            var response = await admin.PostAsJsonAsync("/api/v1/staff/workspaces/atelier-lumiere/end-of-contract", new
            {
                choice = "return-then-delete", agreedOn = Today(Engine),
                exceptions = new object[]
                {
                    new { category = "invoices", legalBasis = "Tax and billing retention: Code de commerce L123-22, 10 years",
                        until = "2036-12-31" },
                    new { category = "conversation-logs", legalBasis = "Dispute resolution: Code civil art. 2224, 5 years",
                        until = "2031-12-31", systems = new[] { name } },
                },
            });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
            var id = (string)(await response.ReadObjectAsync())["id"]!;
            var view = await WaitFinishedAsync(Engine, vendor, id);
            var certificate = view["certificate"]!;
            var kept = certificate["systems"]![0]!["deleted"]!["kept"]!.AsArray();
            var link = await admin.PostAsync($"/api/v1/staff/contract-endings/{id}/bundle-link", null);
            using (Assert.EnterMultipleScope())
            {
                Assert.That((string?)view["outcome"], Is.EqualTo("complete"));
                Assert.That((string)certificate["controller"]!, Is.EqualTo("Atelier Lumière, privacy contact"));
                Assert.That(kept.Select(k => ((string)k!["category"]!, (bool)k["perAgreement"]!)),
                    Is.EquivalentTo(new[] { ("invoices", true), ("conversation-logs", true) }));
                Assert.That((int)certificate["systems"]![0]!["returned"]!["records"]!, Is.EqualTo(5));
                Assert.That(link.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the outside customer gets the data by link");
            }
        }
        finally
        {
            await StopAsync(connector, vendor.Slug, name);
        }
    }
}
