using System.Net.Http.Json;
using DsarEngine.Server.Tests.TestData;
using DsarEngine.Tests.Shared;
using static DsarEngine.Server.Tests.Processors.ContractEndingDriver;

namespace DsarEngine.Server.Tests.Processors;

// An end of contract lives in rows only: another engine finishes what a stopped one recorded, and a system that never
// answers is timed out on the engine's clock and reported as not done.
public sealed class ContractEndingDurabilityTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task An_end_of_contract_recorded_by_an_engine_that_then_stops_is_finished_by_another()
    {
        await using var first = await EngineFactory.StartAsync();
        var (processor, _) = await SetUpAsync(first);
        var name = $"crm-{Guid.NewGuid():N}"[..12];
        await RequestDriver.RegisterAsync(processor.Staff(first, "admin"), name,
            new { actions = new[] { "export-customer", "erase-customer" } });
        // The connector declares its queue, then stops: the export command waits there while the engine that sent it stops.
        using (var declared = await StartConnectorAsync<Customer>(name, processor.Slug))
            await declared.StopAsync();
        var second = EngineFactory.Join(first);
        var started = await StartAsync(second, processor, Body(second));
        await second.DisposeAsync();
        using var connector = await StartConnectorAsync<Customer>(name, processor.Slug);
        try
        {
            var view = await WaitFinishedAsync(first, processor, (string)started["id"]!);
            using (Assert.EnterMultipleScope())
            {
                Assert.That((string?)view["outcome"], Is.EqualTo("complete"));
                Assert.That((string)TaskOf(view, name, "erase-customer")["status"]!, Is.EqualTo("partial"));
                Assert.That((bool)view["journalIntact"]!, Is.True);
            }
        }
        finally
        {
            await StopAsync(connector, processor.Slug, name);
        }
    }

    [Test]
    public async Task A_system_that_never_answers_is_timed_out_and_the_certificate_says_it_was_not_deleted()
    {
        var time = new FakeTimeProvider(Start);
        await using var engine = await EngineFactory.StartAsync(time: time);
        var (processor, _) = await SetUpAsync(engine);
        var silent = $"mute-{Guid.NewGuid():N}"[..13];
        await RequestDriver.RegisterAsync(processor.Staff(engine, "admin"), silent,
            new { actions = new[] { "export-customer", "erase-customer" }, timeoutHours = 1 });
        try
        {
            var started = await StartAsync(engine, processor, Body(engine, "delete"));
            var waiting = await processor.Staff(engine, "auditor")
                .GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/v1/staff/contract-endings/{started["id"]}");
            time.Advance(TimeSpan.FromMinutes(61));
            var view = await WaitFinishedAsync(engine, processor, (string)started["id"]!);
            using (Assert.EnterMultipleScope())
            {
                Assert.That((string)TaskOf(waiting!, silent, "erase-customer")["status"]!, Is.EqualTo("sent"));
                Assert.That((string)TaskOf(view, silent, "erase-customer")["status"]!, Is.EqualTo("timed-out"));
                Assert.That((string?)view["outcome"], Is.EqualTo("incomplete"));
                Assert.That(view["certificate"]!["notDone"]!.AsArray().Select(n => (string)n!),
                    Is.EqualTo(new[] { $"{silent}: erase-customer timed-out" }));
            }
        }
        finally
        {
            await BrokerCleanup.DeleteAsync(DsarEngine.Connectors.DsarConnectorSetup.QueueName(processor.Slug, silent));
        }
    }
}
