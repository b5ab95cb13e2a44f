using Bogus;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Demo;

// Sample requests for the demo, made through the real intake path (validation, journal, mail) with seeded Bogus data,
// then moved along by the same signals staff send (DemoStates), so the inbox shows each state on first sign-in.
internal sealed class DemoSamples(IntakeService intake, DemoStates states, TimeProvider clock, ILogger<DemoSamples> log)
{
    private static readonly string[] SampleRights =
        ["access", "erasure", "rectification", "portability", "objection", "consent-withdrawal"];

    // Every language the engine writes in, so that the demo shows a letter and e-mails in each.
    private static readonly string[] SampleLanguages = ["fr", "en", "ru"];

    // Staff-logged and received this long ago: past the one-month period of GDPR Art. 12(3), so the clock shows it overdue.
    private static readonly TimeSpan OverdueAge = TimeSpan.FromDays(45);

    public async Task CreateAsync(int count, CancellationToken ct)
    {
        var faker = new Faker("fr") { Random = new Randomizer(2026) };
        for (var i = 0; i < count; i++)
        {
            var right = SampleRights[i % SampleRights.Length];
            var scenario = DemoStates.For(i, count);
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var staffLogged = scenario == DemoState.Overdue;
            var form = new IntakeForm
            {
                Right = right,
                // An objection on grounds of the subject's situation (GDPR Art. 21(1)), so that the demo shows its assessment.
                Purpose = right switch { "objection" => "profiling", "consent-withdrawal" => "direct-marketing", _ => null },
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
                Language = SampleLanguages[i % SampleLanguages.Length],
                // Logged by staff from an e-mail received weeks ago: staff may record when a request really arrived.
                Channel = staffLogged ? "email" : null,
                ReceivedAt = staffLogged ? clock.GetUtcNow() - OverdueAge : null,
                // The last one reaches the demo organisation through its processor's help-centre workspace.
                Tenant = i == count - 1 ? DemoSeeder.ProcessorSlug : "demo",
                Workspace = i == count - 1 ? "demo" : null,
            };
            var origin = staffLogged ? IntakeOrigin.Staff : IntakeOrigin.Public;
            var staffTenant = staffLogged ? DemoSeeder.TenantId : (Guid?)null;
            var result = await intake.SubmitAsync(new IntakeCommand(form, origin, [], null, null, "demo-seed", staffTenant), ct);
            if (result is IntakeResult.Accepted accepted)
                await states.MoveAsync(accepted.Request, scenario, ct);
            else
                log.LogWarning("Demo sample {Index} was refused: {Result}", i, result.GetType().Name);
        }
    }
}
