using Bogus;

namespace DsarEngine.Samples.ErasureListener;

public sealed record CachedProfile(string Email, string Name, string Segment);

// The downstream system's own copy of customer data (a recommendation cache, say), seeded with Bogus. It must forget a
// subject when the engine announces an erasure. Thread-safe: events may arrive while it is read.
public sealed class ProfileCache
{
    private readonly Dictionary<string, CachedProfile> byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<Guid> seenEvents = [];
    private readonly Lock gate = new();

    public ProfileCache(int profiles = 200, int seed = 4711)
    {
        var faker = new Faker<CachedProfile>("fr").UseSeed(seed).CustomInstantiator(f => new CachedProfile(
            f.Internet.Email(provider: "example.org").ToLowerInvariant(), f.Name.FullName(), f.PickRandom("new", "loyal", "lapsed")));
        foreach (var profile in faker.Generate(profiles))
            byEmail[profile.Email] = profile;
    }

    public int Count { get { lock (gate) return byEmail.Count; } }

    public void Add(CachedProfile profile)
    {
        lock (gate)
            byEmail[profile.Email] = profile;
    }

    public bool Contains(string email) { lock (gate) return byEmail.ContainsKey(email); }

    // Idempotent per event (redelivery after a crash before the ack); returns how many profiles were removed.
    public int Forget(ErasureRequested erasure)
    {
        lock (gate)
        {
            if (!seenEvents.Add(erasure.EventId))
                return 0;
            return erasure.Identities.Where(i => i.Type == "email").Count(i => byEmail.Remove(i.Value));
        }
    }
}
