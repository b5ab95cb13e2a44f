using System.Security.Cryptography;
using System.Text.Json;
using Bogus;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

public sealed class ExportTests
{
    [Test]
    public async Task A_one_megabyte_export_arrives_as_chunks_that_rebuild_the_document_the_handler_returned()
    {
        var document = LargeDocument();
        await using var connector = await ConnectorHost.StartAsync(
            new HandlerScript { Export = (_, _) => Task.FromResult<ExportDocument?>(document) });
        var command = Commands.Export(connector.Name);

        await connector.SendAsync(command);
        var completed = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1)).OfType<ConnectorTaskCompleted>().Single();
        var manifest = completed.Export!;
        var chunks = (await ReplyBus.For(command.Task).WaitUntilAsync(all => all.OfType<ExportChunkUploaded>().Count() >= manifest.Chunks))
            .OfType<ExportChunkUploaded>().OrderBy(c => c.Sequence).ToList();
        var bytes = chunks.SelectMany(c => c.Data).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(manifest.Bytes, Is.InRange(900_000, 1_400_000), "the document is about 1 MB");
            Assert.That(manifest.Chunks, Is.EqualTo((int)Math.Ceiling(manifest.Bytes / (double)ExportUpload.DefaultChunkBytes)));
            Assert.That(chunks.Select(c => c.Sequence), Is.EqualTo(Enumerable.Range(0, manifest.Chunks)));
            Assert.That(chunks.Select(c => c.ExportId), Has.All.EqualTo(manifest.ExportId));
            Assert.That(chunks.Select(c => c.Data.Length), Has.All.LessThanOrEqualTo(ExportUpload.DefaultChunkBytes));
            Assert.That(bytes, Has.Length.EqualTo(manifest.Bytes));
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(bytes)), Is.EqualTo(manifest.Sha256));
            Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize<ExportDocument>(bytes, ExportUpload.Json), ExportUpload.Json),
                Is.EqualTo(JsonSerializer.Serialize(document, ExportUpload.Json)));
            Assert.That(completed.Outcome, Is.EqualTo(TaskOutcomes.Done));
            Assert.That(completed.Summary, Is.EqualTo($"{manifest.Records} records in 3 categories"));
            Assert.That(manifest.Records, Is.EqualTo(document.Categories.Sum(c => c.Records.Count)));
        }
    }

    [Test]
    public async Task A_smaller_chunk_size_cuts_the_export_into_more_chunks()
    {
        var document = LargeDocument();
        await using var connector = await ConnectorHost.StartAsync(
            new HandlerScript { Export = (_, _) => Task.FromResult<ExportDocument?>(document) }, o => o.ChunkBytes = 64 * 1024);
        var command = Commands.Export(connector.Name);

        await connector.SendAsync(command);
        var completed = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1)).OfType<ConnectorTaskCompleted>().Single();

        Assert.That(completed.Export!.Chunks, Is.EqualTo((int)Math.Ceiling(completed.Export.Bytes / (64.0 * 1024))));
    }

    [Test]
    public async Task An_export_handler_that_finds_nothing_completes_as_not_found_without_chunks()
    {
        await using var connector = await ConnectorHost.StartAsync(new HandlerScript());
        var command = Commands.Export(connector.Name);

        await connector.SendAsync(command);
        var replies = await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replies.OfType<ConnectorTaskCompleted>().Single().Outcome, Is.EqualTo(TaskOutcomes.NotFound));
            Assert.That(replies.OfType<ConnectorTaskCompleted>().Single().Export, Is.Null);
            Assert.That(replies.OfType<ExportChunkUploaded>(), Is.Empty);
        }
    }

    [Test]
    public async Task The_same_export_command_delivered_again_is_answered_with_the_same_reply_and_not_done_again()
    {
        var document = new ExportDocument("sdk-test", "Test shop", [new("orders",
            [new Dictionary<string, string?> { ["order"] = "O-000001" }])]);
        var script = new HandlerScript { Export = (_, _) => Task.FromResult<ExportDocument?>(document) };
        await using var connector = await ConnectorHost.StartAsync(script);
        var command = Commands.Export(connector.Name);
        var messageId = Guid.NewGuid();

        // The engine's outbox sends a row again, under the same message id, when it could not record the first send.
        await connector.SendAsync(command, messageId: messageId);
        await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1);
        await connector.SendAsync(command, messageId: messageId);
        var finals = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(2)).OfType<ConnectorTaskCompleted>().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.EqualTo(1), "a delivery again is not a new attempt: the export is not done again");
            Assert.That(finals, Has.Count.EqualTo(2));
            Assert.That(finals[1].Export!.ExportId, Is.EqualTo(finals[0].Export!.ExportId), "the same reply, the same export");
        }
    }

    [Test]
    public async Task A_second_delivery_of_the_same_export_command_exports_again_and_sends_the_chunks_again()
    {
        var document = new ExportDocument("sdk-test", "Test shop", [new("orders",
            [.. Enumerable.Range(1, 40).Select(i => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["order"] = $"O-{i:D6}", ["note"] = new string('n', 100),
            })])]);
        var script = new HandlerScript { Export = (_, _) => Task.FromResult<ExportDocument?>(document) };
        await using var connector = await ConnectorHost.StartAsync(script, o => o.ChunkBytes = 1024);
        var command = Commands.Export(connector.Name);

        // The engine sends the same command (same idempotency key) again when the first export's chunks never reached
        // its store: the SDK must not answer with the saved manifest of chunks that are gone.
        await connector.SendAsync(command);
        await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(1);
        await connector.SendAsync(command with { Task = command.Task with { Attempt = 2 } });
        var manifests = (await ReplyBus.For(command.Task).WaitForFinalRepliesAsync(2)).OfType<ConnectorTaskCompleted>()
            .Select(c => c.Export!).ToList();
        var chunks = (await ReplyBus.For(command.Task)
                .WaitUntilAsync(all => all.OfType<ExportChunkUploaded>().Count() >= manifests.Sum(m => m.Chunks)))
            .OfType<ExportChunkUploaded>().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(script.Calls, Is.EqualTo(2), "an export is a read: it is done again");
            Assert.That(manifests, Has.Count.EqualTo(2));
            Assert.That(manifests[1].ExportId, Is.Not.EqualTo(manifests[0].ExportId), "a new export, not the saved reply");
            Assert.That(manifests[0].Chunks, Is.GreaterThan(1));
            foreach (var manifest in manifests)
                Assert.That(chunks.Where(c => c.ExportId == manifest.ExportId).Select(c => c.Sequence).Order(),
                    Is.EqualTo(Enumerable.Range(0, manifest.Chunks)),
                    "every chunk of each export was sent");
            Assert.That(manifests[1].Sha256, Is.EqualTo(manifests[0].Sha256), "the same data");
        }
    }

    // About 1 MB of JSON in three categories, seeded so every run exports the same document.
    private static ExportDocument LargeDocument()
    {
        var fake = new Faker { Random = new Randomizer(42) };
        IReadOnlyDictionary<string, string?> Order() => new Dictionary<string, string?>
        {
            ["order-id"] = fake.Random.Replace("O-########"),
            ["placed-at"] = fake.Date.Past(3, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)).ToString("O"),
            ["product"] = fake.Commerce.ProductName(),
            ["delivery-address"] = fake.Address.FullAddress(),
            ["note"] = fake.Lorem.Sentence(12),
        };
        return new ExportDocument("sdk-test", "Test shop", [
            new("contact-details", [new Dictionary<string, string?> { ["email"] = fake.Internet.Email(), ["phone"] = null }]),
            new("orders", Enumerable.Range(0, 3_000).Select(_ => Order()).ToList()),
            new("support-tickets", Enumerable.Range(0, 800).Select(_ => Order()).ToList()),
        ]);
    }
}
