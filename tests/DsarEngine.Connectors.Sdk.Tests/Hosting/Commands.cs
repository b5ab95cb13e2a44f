using Bogus;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// Commands as the engine sends them: a fresh task, the subject's identities (seeded fake data).
internal static class Commands
{
    private static readonly Faker Fake = new Faker { Random = new Randomizer(20240501) };

    public static TaskReference Task(string connector, string right = DataSubjectRights.Erasure) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "acme", connector, right, $"key-{Guid.NewGuid():N}", 1);

    public static IReadOnlyList<SubjectIdentity> Identities(string? email = null)
    {
        lock (Fake)
            return
            [
                new(SubjectIdentityTypes.Email, email ?? Fake.Internet.Email()),
                new(SubjectIdentityTypes.CustomerId, Fake.Random.Replace("C-######")),
            ];
    }

    public static EraseSubjectData Erase(string connector, string? email = null) => new(Task(connector), Identities(email));

    public static ExportSubjectData Export(string connector) => new(Task(connector, DataSubjectRights.Access), Identities(), []);
}
