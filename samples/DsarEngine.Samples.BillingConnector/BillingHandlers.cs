using Dapper;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;
using Npgsql;

namespace DsarEngine.Samples.BillingConnector;

// Billing must keep invoices for ten years, so an erasure here is partial by law and says so.
public sealed class BillingHandlers(SampleDatabase db)
    : ILocateHandler, IExportHandler, IEraseHandler, IRestrictHandler, ILiftRestrictionHandler
{
    // GDPR Art. 17(3)(b): erasure does not apply where a legal obligation requires the processing. French
    // Code de commerce art. L123-22 keeps accounting records and their supporting documents for ten years.
    public const string InvoiceBasis =
        "Legal obligation (GDPR Art. 17(3)(b)): Code de commerce art. L123-22, accounting records and invoices kept 10 years";

    private const string FindSql = "SELECT id FROM billing.accounts WHERE lower(email) = @Email OR id = @CustomerId";

    private static Task<string?> FindAsync(NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<SubjectIdentity> identities) =>
        c.QuerySingleOrDefaultAsync<string>(
            FindSql, new { Email = SamplePeople.Email(identities), CustomerId = SamplePeople.CustomerId(identities) }, tx);

    public async Task<TaskResult> LocateAsync(LocateSubject command, TaskContext context, CancellationToken ct)
    {
        await using var c = await db.DataSource.OpenConnectionAsync(ct);
        return await FindAsync(c, null, command.Identities) is null
            ? TaskResult.NotFound()
            : TaskResult.Done("Billing account found: account, invoices, payment methods.");
    }

    public async Task<ExportDocument?> ExportAsync(ExportSubjectData command, TaskContext context, CancellationToken ct)
    {
        await using var c = await db.DataSource.OpenConnectionAsync(ct);
        if (await FindAsync(c, null, command.Identities) is not { } id)
            return null;
        var account = await c.QuerySingleAsync(
            "SELECT id, email, name, address, restricted::text AS restricted FROM billing.accounts WHERE id = @id", new { id });
        var invoices = await c.QueryAsync(
            "SELECT id, issued_on::text AS issued_on, to_char(amount_cents / 100.0, 'FM999999990.00') AS amount_eur, description " +
            "FROM billing.invoices WHERE account_id = @id ORDER BY issued_on", new { id });
        var methods = await c.QueryAsync(
            "SELECT brand, '**** ' || last4 AS card FROM billing.payment_methods WHERE account_id = @id", new { id });
        return new ExportDocument("billing", "Billing", [
            new ExportedCategory("account", [Records.From(account)]),
            new ExportedCategory("invoices", [.. invoices.Select(r => Records.From(r))]),
            new ExportedCategory("payment-methods", [.. methods.Select(r => Records.From(r))]),
        ]);
    }

    public Task<TaskResult> EraseAsync(EraseSubjectData command, TaskContext context, CancellationToken ct) =>
        IdempotentWork.RunAsync(db.DataSource, BillingSchema.Name, context, ConnectorActions.Erase, async (c, tx) =>
        {
            if (await FindAsync(c, tx, command.Identities) is not { } id)
                return TaskResult.NotFound();
            var methods = await c.ExecuteAsync("DELETE FROM billing.payment_methods WHERE account_id = @id", new { id }, tx);
            var last = await c.QuerySingleOrDefaultAsync<DateOnly?>(
                "SELECT max(issued_on) FROM billing.invoices WHERE account_id = @id", new { id }, tx);
            if (last is null)
            {
                await c.ExecuteAsync("DELETE FROM billing.accounts WHERE id = @id", new { id }, tx);
                return TaskResult.Done($"Account and {methods} payment method(s) erased; there were no invoices.");
            }
            // The invoices keep the name and billing address printed on them; the rest of the account goes.
            await c.ExecuteAsync("UPDATE billing.accounts SET email = NULL, restricted = true WHERE id = @id", new { id }, tx);
            var count = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM billing.invoices WHERE account_id = @id", new { id }, tx);
            return TaskResult.Partial(
                $"E-mail and {methods} payment method(s) erased; {count} invoice(s) kept, restricted to the legal obligation.",
                [new RetainedData("invoices", InvoiceBasis, last.Value.AddYears(10))],
                "Statutory auditor", "Tax authority (on inspection)");
        }, ct, db.WorkDelay);

    public Task<TaskResult> RestrictAsync(RestrictProcessing command, TaskContext context, CancellationToken ct) =>
        SetRestrictedAsync(command.Identities, context, ConnectorActions.Restrict, true, ct);

    public Task<TaskResult> LiftAsync(LiftRestriction command, TaskContext context, CancellationToken ct) =>
        SetRestrictedAsync(command.Identities, context, ConnectorActions.LiftRestriction, false, ct);

    // GDPR Art. 18: a restricted account is stored but left out of dunning and marketing runs.
    private Task<TaskResult> SetRestrictedAsync(
        IReadOnlyList<SubjectIdentity> identities, TaskContext context, string action, bool restricted, CancellationToken ct) =>
        IdempotentWork.RunAsync(db.DataSource, BillingSchema.Name, context, action, async (c, tx) =>
        {
            if (await FindAsync(c, tx, identities) is not { } id)
                return TaskResult.NotFound();
            await c.ExecuteAsync("UPDATE billing.accounts SET restricted = @restricted WHERE id = @id", new { id, restricted }, tx);
            return TaskResult.Done(restricted
                ? "Account restricted: stored only, out of dunning and marketing runs."
                : "Restriction lifted.");
        }, ct, db.WorkDelay);
}
