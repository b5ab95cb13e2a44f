using Bogus;
using Dapper;
using DsarEngine.Samples.Common;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.SupportDeskConnector;

// The support desk's tables (schema support): requesters, tickets with free text, and comments on them. Some tickets
// have a second customer in copy, so erasing one person must not erase the other's conversation.
public sealed class SupportSchema(SampleDatabase db) : IHostedService
{
    public const string Name = "support";

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS support.requesters (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL);
        CREATE TABLE IF NOT EXISTS support.tickets (
            id serial PRIMARY KEY, requester_id integer REFERENCES support.requesters (id), subject text NOT NULL, body text NOT NULL,
            status text NOT NULL, opened_on date NOT NULL);
        CREATE TABLE IF NOT EXISTS support.comments (
            id serial PRIMARY KEY, ticket_id integer NOT NULL REFERENCES support.tickets (id) ON DELETE CASCADE,
            requester_id integer REFERENCES support.requesters (id), author text NOT NULL, body text NOT NULL);
        """;

    public Task StartAsync(CancellationToken cancellationToken) =>
        SampleSchema.SeedOnceAsync(db.DataSource, Name, Ddl, "requesters", async (c, tx) =>
        {
            var f = new Faker("fr") { Random = new Randomizer(SamplePeople.Seed + 3) };
            var ids = new List<int>();
            foreach (var p in SamplePeople.All)
                ids.Add(await c.ExecuteScalarAsync<int>(
                    "INSERT INTO support.requesters (email, name) VALUES (@Email, @Name) RETURNING id", p, tx));
            for (var i = 0; i < ids.Count; i++)
            {
                // The demo subjects always have tickets; the first one shares a ticket with the next person.
                for (var t = i < 3 ? 2 : f.Random.Int(0, 2); t > 0; t--)
                {
                    var ticket = await c.ExecuteScalarAsync<int>(
                        "INSERT INTO support.tickets (requester_id, subject, body, status, opened_on) " +
                        "VALUES (@r, @s, @b, @st, @on) RETURNING id",
                        new
                        {
                            r = ids[i], s = f.Lorem.Sentence(5), b = f.Lorem.Paragraph(), st = f.PickRandom("open", "solved"),
                            on = new DateOnly(2025, 1, 1).AddDays(-f.Random.Int(0, 900)),
                        }, tx);
                    await c.ExecuteAsync(
                        "INSERT INTO support.comments (ticket_id, requester_id, author, body) VALUES (@ticket, NULL, 'agent', @b)",
                        new { ticket, b = f.Lorem.Sentence(10) }, tx);
                    if (i == 0 && t == 1)
                        await c.ExecuteAsync(
                            "INSERT INTO support.comments (ticket_id, requester_id, author, body) VALUES (@ticket, @other, 'customer', @b)",
                            new { ticket, other = ids[1], b = f.Lorem.Sentence(8) }, tx);
                }
            }
        }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
