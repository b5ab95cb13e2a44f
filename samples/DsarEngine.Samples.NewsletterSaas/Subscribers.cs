using System.Security.Cryptography;
using System.Text;
using Bogus;
using DsarEngine.Samples.Common;

namespace DsarEngine.Samples.NewsletterSaas;

public sealed record Subscriber(string Email, string Name, List<string> Lists, List<string> Opens);

// The SaaS's data, in memory (a simulator): subscribers from the shared people, their lists and campaign opens, and a
// suppression list of hashed addresses that must never be mailed again. Thread-safe: tasks arrive concurrently.
public sealed class Subscribers
{
    private readonly Dictionary<string, Subscriber> byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> suppressed = [];
    private readonly Lock gate = new();

    public Subscribers()
    {
        var f = new Faker("fr") { Random = new Randomizer(SamplePeople.Seed + 4) };
        foreach (var p in SamplePeople.All.Take(250))
            byEmail[p.Email] = new Subscriber(p.Email, p.Name,
                [.. f.PickRandom(["weekly-digest", "offers", "product-news"], f.Random.Int(1, 3))],
                [.. Enumerable.Range(0, f.Random.Int(0, 6)).Select(_ => $"campaign-{f.Random.Int(100, 140)}")]);
    }

    public Subscriber? Find(string? email) { lock (gate) return email is null ? null : byEmail.GetValueOrDefault(email); }

    public bool IsSuppressed(string email) { lock (gate) return suppressed.Contains(Hash(email)); }

    // Erasure: the subscriber goes; the hashed address stays on the suppression list so a re-import never mails them.
    public bool Erase(string email)
    {
        lock (gate)
        {
            suppressed.Add(Hash(email));
            return byEmail.Remove(email);
        }
    }

    // Erasure with campaign activity to keep (a legal hold or a partial assessment, EraseSubjectData.Keep): name and lists
    // go, the opens stay under the address until the hold ends; the address is suppressed all the same.
    public void EraseKeepingOpens(string email)
    {
        lock (gate)
        {
            suppressed.Add(Hash(email));
            if (byEmail.TryGetValue(email, out var s))
                byEmail[email] = s with { Name = "", Lists = [] };
        }
    }

    // Objection to direct marketing (GDPR Art. 21(3)): off every list, and suppressed.
    public int Unsubscribe(string email)
    {
        lock (gate)
        {
            suppressed.Add(Hash(email));
            if (!byEmail.TryGetValue(email, out var s))
                return 0;
            var count = s.Lists.Count;
            s.Lists.Clear();
            return count;
        }
    }

    private static string Hash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
}
