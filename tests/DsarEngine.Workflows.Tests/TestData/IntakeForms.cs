using Bogus;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.TestData;

// One seeded faker per aggregate: valid submissions that a test then breaks in one precise way.
internal static class IntakeForms
{
    private static readonly Faker Faker = new("fr") { Random = new Randomizer(4242) };

    public static IntakeForm Valid(string right = "access") => new()
    {
        Tenant = "demo",
        Right = right,
        Purpose = right is "objection" or "consent-withdrawal" ? "direct-marketing" : null,
        Subject = new IntakeSubject
        {
            Email = Faker.Internet.Email(provider: "example.org").ToLowerInvariant(),
            Name = Faker.Name.FullName(),
            Identities = [new IntakeIdentity { Type = "customer-id", Value = $"C-{Faker.Random.Number(1000, 9999)}" }],
        },
        Details = right is "rectification" or "post-mortem-instructions" ? Faker.Lorem.Sentence() : null,
        // An appeal names the refused request and takes its place and law from it (no jurisdiction of its own).
        AppealOf = right == "appeal" ? "DSR-7KQ2-M9XD-4TPA" : null,
        Jurisdiction = right == "appeal" ? null : "FR",
        Language = "fr",
    };
}
