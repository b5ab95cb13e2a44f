using Bogus;
using Dapper;
using DsarEngine.Samples.Common;
using Microsoft.Extensions.Hosting;

namespace DsarEngine.Samples.BillingConnector;

// Billing's own tables (schema billing): accounts, invoices, payment methods (last four digits only).
public sealed class BillingSchema(SampleDatabase db) : IHostedService
{
    public const string Name = "billing";

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS billing.accounts (
            id text PRIMARY KEY, email text UNIQUE, name text NOT NULL, address text NOT NULL, restricted boolean NOT NULL DEFAULT false);
        CREATE TABLE IF NOT EXISTS billing.invoices (
            id text PRIMARY KEY, account_id text NOT NULL REFERENCES billing.accounts (id), issued_on date NOT NULL,
            amount_cents integer NOT NULL, description text NOT NULL);
        CREATE TABLE IF NOT EXISTS billing.payment_methods (
            id serial PRIMARY KEY, account_id text NOT NULL REFERENCES billing.accounts (id), brand text NOT NULL, last4 text NOT NULL);
        """;

    public Task StartAsync(CancellationToken cancellationToken) =>
        SampleSchema.SeedOnceAsync(db.DataSource, Name, Ddl, "accounts", async (c, tx) =>
        {
            var f = new Faker("fr") { Random = new Randomizer(SamplePeople.Seed + 2) };
            var number = 0;
            foreach (var p in SamplePeople.All)
            {
                await c.ExecuteAsync(
                    "INSERT INTO billing.accounts (id, email, name, address) VALUES (@CustomerId, @Email, @Name, @Street || ', ' || @City)",
                    p, tx);
                for (var i = f.Random.Int(1, 4); i > 0; i--)
                    await c.ExecuteAsync(
                        "INSERT INTO billing.invoices (id, account_id, issued_on, amount_cents, description) " +
                        "VALUES (@id, @account, @on, @cents, @what)",
                        new
                        {
                            id = $"F-{++number:D6}", account = p.CustomerId, on = new DateOnly(2025, 1, 1).AddDays(-f.Random.Int(0, 2000)),
                            cents = f.Random.Int(990, 49900), what = f.Commerce.ProductName(),
                        }, tx);
                await c.ExecuteAsync("INSERT INTO billing.payment_methods (account_id, brand, last4) VALUES (@id, @brand, @last4)",
                    new { id = p.CustomerId, brand = f.PickRandom("visa", "mastercard", "sepa"), last4 = f.Random.ReplaceNumbers("####") },
                    tx);
            }
        }, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
