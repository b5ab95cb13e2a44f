using Bogus;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Demo;

// Sample requests for the demo, made through the real intake path (validation, journal, mail) with
// seeded Bogus data, so the demo shows exactly what a real submission produces.
internal sealed class DemoSamples(IntakeService intake, ILogger<DemoSamples> log)
{
    private static readonly string[] SampleRights =
        ["access", "erasure", "rectification", "portability", "objection", "consent-withdrawal"];

    public async Task CreateAsync(int count, CancellationToken ct)
    {
        var faker = new Faker("fr") { Random = new Randomizer(2026) };
        for (var i = 0; i < count; i++)
        {
            var right = SampleRights[i % SampleRights.Length];
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var form = new IntakeForm
            {
                Right = right,
                Purpose = right is "objection" or "consent-withdrawal" ? "direct-marketing" : null,
                Subject = new IntakeSubject
                {
                    Email = faker.Internet.Email(first, last, "example.org").ToLowerInvariant(),
                    Name = $"{first} {last}",
                    Identities = [new IntakeIdentity { Type = "customer-id", Value = $"C-{faker.Random.Number(100000, 999999)}" }],
                },
                Details = right == "rectification" ? "Mon adresse a changé." : null,
                // GDPR Art. 16: what is wrong and what it should be, as fields the connectors can apply.
                Changes = right == "rectification"
                    ? [new IntakeChange { Field = "postal-address", Value = faker.Address.FullAddress() }]
                    : null,
                Language = i % 2 == 0 ? "fr" : "en",
                // The last one reaches the demo organisation through its processor's help-centre workspace.
                Tenant = i == count - 1 ? DemoSeeder.ProcessorSlug : "demo",
                Workspace = i == count - 1 ? "demo" : null,
            };
            var result = await intake.SubmitAsync(new IntakeCommand(form, IntakeOrigin.Public, [], null, null, "demo-seed", null), ct);
            if (result is not IntakeResult.Accepted)
                log.LogWarning("Demo sample {Index} was refused: {Result}", i, result.GetType().Name);
        }
    }
}
