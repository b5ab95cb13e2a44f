using Bogus;
using Dapper;
using DsarEngine.Samples.Common;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.CrmConnector;

// The CRM's own tables (schema crm): customers, their contacts and the notes staff wrote about them. Each customer has one
// flag per use the CRM makes of their data that they can object to or withdraw from: marketing, profiling, ai_use (the
// CRM's AI features and model training). A birth date and a guardian's address where the customer gave them (CrmChildScan).
// Seeded once from the shared people, so the demo subjects exist here as in the other systems.
public sealed class CrmSchema(SampleDatabase db) : IHostedService
{
    public const string Name = "crm";

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS crm.customers (
            id text PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL, city text NOT NULL, since date NOT NULL,
            marketing boolean NOT NULL DEFAULT true, profiling boolean NOT NULL DEFAULT true);
        ALTER TABLE crm.customers ADD COLUMN IF NOT EXISTS ai_use boolean NOT NULL DEFAULT true;
        ALTER TABLE crm.customers ADD COLUMN IF NOT EXISTS birth_date date;
        ALTER TABLE crm.customers ADD COLUMN IF NOT EXISTS guardian_email text;
        CREATE TABLE IF NOT EXISTS crm.contacts (
            id serial PRIMARY KEY, customer_id text NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
            kind text NOT NULL, value text NOT NULL);
        CREATE TABLE IF NOT EXISTS crm.notes (
            id serial PRIMARY KEY, customer_id text NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE,
            written_at date NOT NULL, body text NOT NULL);
        """;

    public Task StartAsync(CancellationToken cancellationToken) =>
        SampleSchema.SeedOnceAsync(db.DataSource, Name, Ddl, "customers", async (c, tx) =>
        {
            var notes = new Faker("fr") { Random = new Randomizer(SamplePeople.Seed + 1) };
            foreach (var p in SamplePeople.All)
            {
                await c.ExecuteAsync(
                    "INSERT INTO crm.customers (id, email, name, city, since) VALUES (@CustomerId, @Email, @Name, @City, @Since)", p, tx);
                await c.ExecuteAsync(
                    "INSERT INTO crm.contacts (customer_id, kind, value) " +
                    "VALUES (@CustomerId, 'phone', @Phone), (@CustomerId, 'postal-address', @Street || ', ' || @City)", p, tx);
                await c.ExecuteAsync("INSERT INTO crm.notes (customer_id, written_at, body) VALUES (@id, @at, @body)",
                    new { id = p.CustomerId, at = p.Since.AddDays(notes.Random.Int(1, 300)), body = notes.Lorem.Sentence(12) }, tx);
            }
        }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
