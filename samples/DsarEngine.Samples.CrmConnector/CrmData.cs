using Bogus;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Samples.CrmConnector;

public sealed record Customer(string CustomerId, string Email, string Name, string City, DateOnly Since);

// The sample system's own data: a small CRM, seeded with Bogus so every run holds the same customers.
// Thread-safe because commands are consumed concurrently.
public sealed class CrmData
{
    private readonly Dictionary<string, Customer> byId;
    private readonly Lock gate = new();

    public CrmData(int customers = 500, int seed = 4711)
    {
        var faker = new Faker<Customer>("fr").UseSeed(seed).CustomInstantiator(f => new Customer(
            $"C-{f.IndexFaker + 100000}", f.Internet.Email(provider: "example.org").ToLowerInvariant(), f.Name.FullName(), f.Address.City(),
            DateOnly.FromDateTime(f.Date.Past(8, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)))));
        byId = faker.Generate(customers).ToDictionary(c => c.CustomerId);
    }

    public IReadOnlyCollection<Customer> All { get { lock (gate) return byId.Values.ToList(); } }

    public Customer? Find(IEnumerable<SubjectIdentity> identities)
    {
        lock (gate)
            return identities.Select(i => i.Type switch
            {
                SubjectIdentityTypes.CustomerId => byId.GetValueOrDefault(i.Value),
                SubjectIdentityTypes.Email => byId.Values.FirstOrDefault(c => string.Equals(c.Email, i.Value, StringComparison.OrdinalIgnoreCase)),
                _ => null,
            }).FirstOrDefault(c => c is not null);
    }

    public void Add(Customer customer)
    {
        lock (gate)
            byId[customer.CustomerId] = customer;
    }

    // Erasing twice is harmless: the second time there is nothing left (the command is idempotent).
    public bool Erase(string customerId)
    {
        lock (gate)
            return byId.Remove(customerId);
    }
}
