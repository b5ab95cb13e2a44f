using Bogus;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Samples.Common;

public sealed record Person(
    int Index, string CustomerId, string Email, string Name, string Phone, string Street, string City, DateOnly Since);

// One seeded population for every sample system, so the same subject exists in the CRM, billing and the support
// desk (and the newsletter) under the same e-mail address: a realistic DSAR touches every system.
public static class SamplePeople
{
    public const int Seed = 4711;

    public static IReadOnlyList<Person> All { get; } = new Faker<Person>("fr").UseSeed(Seed).CustomInstantiator(f => new Person(
        f.IndexFaker, $"C-{f.IndexFaker + 100000}",
        $"{f.Internet.UserName().ToLowerInvariant().Replace('.', '-')}.{f.IndexFaker}@example.org",
        f.Name.FullName(), f.Phone.PhoneNumber("+33 6## ## ## ##"), f.Address.StreetAddress(), f.Address.City(),
        DateOnly.FromDateTime(f.Date.Past(8, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc))))).Generate(300);

    // The demo's subjects: present in every sample system (the first people of the list).
    public static IReadOnlyList<Person> Demo => [.. All.Take(3)];

    // Finds a person by any identity the engine sent; e-mail comparisons ignore case.
    public static bool Matches(Person person, IEnumerable<SubjectIdentity> identities) => identities.Any(i => i.Type switch
    {
        SubjectIdentityTypes.Email => string.Equals(i.Value, person.Email, StringComparison.OrdinalIgnoreCase),
        SubjectIdentityTypes.CustomerId => i.Value == person.CustomerId,
        _ => false,
    });

    public static string? Email(IEnumerable<SubjectIdentity> identities) =>
        identities.FirstOrDefault(i => i.Type == SubjectIdentityTypes.Email)?.Value.ToLowerInvariant();

    public static string? CustomerId(IEnumerable<SubjectIdentity> identities) =>
        identities.FirstOrDefault(i => i.Type == SubjectIdentityTypes.CustomerId)?.Value;
}
