using Dapper;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;
using Npgsql;

namespace DsarEngine.Samples.CrmConnector;

// The CRM's answers to the engine. Every change runs through IdempotentWork: done once per task, whatever happens.
public sealed class CrmHandlers(SampleDatabase db) : ILocateHandler, IExportHandler, IRectifyHandler, IEraseHandler, IStopProcessingHandler
{
    private const string FindSql = "SELECT id FROM crm.customers WHERE lower(email) = @Email OR id = @CustomerId";

    private static async Task<string?> FindAsync(NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<SubjectIdentity> identities) =>
        await c.QuerySingleOrDefaultAsync<string>(
            FindSql, new { Email = SamplePeople.Email(identities), CustomerId = SamplePeople.CustomerId(identities) }, tx);

    public async Task<TaskResult> LocateAsync(LocateSubject command, TaskContext context, CancellationToken ct)
    {
        await using var c = await db.DataSource.OpenConnectionAsync(ct);
        return await FindAsync(c, null, command.Identities) is null
            ? TaskResult.NotFound()
            : TaskResult.Done("Customer record found: contact details, contacts, notes.");
    }

    public async Task<ExportDocument?> ExportAsync(ExportSubjectData command, TaskContext context, CancellationToken ct)
    {
        await using var c = await db.DataSource.OpenConnectionAsync(ct);
        if (await FindAsync(c, null, command.Identities) is not { } id)
            return null;
        var customer = await c.QuerySingleAsync(
            "SELECT id, email, name, city, since::text AS since, marketing::text AS marketing, profiling::text AS profiling, " +
            "ai_use::text AS ai_use " +
            "FROM crm.customers WHERE id = @id", new { id });
        var contacts = await c.QueryAsync("SELECT kind, value FROM crm.contacts WHERE customer_id = @id ORDER BY id", new { id });
        var notes = await c.QueryAsync(
            "SELECT written_at::text AS written_at, body FROM crm.notes WHERE customer_id = @id ORDER BY id", new { id });
        return new ExportDocument("crm", "Sales CRM",
        [
            new ExportedCategory("contact-details", [Records.From(customer)]),
            new ExportedCategory("contacts", [.. contacts.Select(r => Records.From(r))]),
            new ExportedCategory("notes", [.. notes.Select(r => Records.From(r))]),
        ])
        {
            // GDPR Art. 15(3): the copy holds the customer's photo and recorded calls too (the SDK sends them as files).
            Files = CrmMedia.For(id),
        };
    }

    public Task<TaskResult> RectifyAsync(RectifySubjectData command, TaskContext context, CancellationToken ct) =>
        IdempotentWork.RunAsync(db.DataSource, CrmSchema.Name, context, ConnectorActions.Rectify, async (c, tx) =>
        {
            if (await FindAsync(c, tx, command.Identities) is not { } id)
                return TaskResult.NotFound();
            var applied = new List<string>();
            foreach (var change in command.Changes)
            {
                var sql = change.Field switch
                {
                    "email" => "UPDATE crm.customers SET email = lower(@Value) WHERE id = @id",
                    "name" => "UPDATE crm.customers SET name = @Value WHERE id = @id",
                    "city" => "UPDATE crm.customers SET city = @Value WHERE id = @id",
                    "phone" => "UPDATE crm.contacts SET value = @Value WHERE customer_id = @id AND kind = 'phone'",
                    "postal-address" => "UPDATE crm.contacts SET value = @Value WHERE customer_id = @id AND kind = 'postal-address'",
                    _ => null,
                };
                if (sql is not null && await c.ExecuteAsync(sql, new { change.Value, id }, tx) > 0)
                    applied.Add(change.Field);
            }
            var skipped = command.Changes.Select(ch => ch.Field).Except(applied).ToList();
            return TaskResult.Done(applied.Count == 0 ? "No field this CRM holds was among the changes." :
                $"Corrected: {string.Join(", ", applied)}." + (skipped.Count > 0 ? $" Not held here: {string.Join(", ", skipped)}." : ""));
        }, ct, db.WorkDelay);

    public Task<TaskResult> EraseAsync(EraseSubjectData command, TaskContext context, CancellationToken ct) =>
        IdempotentWork.RunAsync(db.DataSource, CrmSchema.Name, context, ConnectorActions.Erase, async (c, tx) =>
        {
            if (await FindAsync(c, tx, command.Identities) is not { } id)
                return TaskResult.NotFound();
            var notes = await c.ExecuteAsync("DELETE FROM crm.notes WHERE customer_id = @id", new { id }, tx);
            await c.ExecuteAsync("DELETE FROM crm.customers WHERE id = @id", new { id }, tx);
            return TaskResult.Done($"Customer record, contacts and {notes} note(s) erased.", "Mailing house (postal campaigns)");
        }, ct, db.WorkDelay);

    public Task<TaskResult> StopAsync(StopProcessing command, TaskContext context, CancellationToken ct) =>
        IdempotentWork.RunAsync(db.DataSource, CrmSchema.Name, context, ConnectorActions.StopProcessing, async (c, tx) =>
        {
            if (await FindAsync(c, tx, command.Identities) is not { } id)
                return TaskResult.NotFound();
            // Each purpose switches off its own use; one the CRM does not have changes nothing, and says so.
            var column = command.Purpose switch
            {
                "direct-marketing" => "marketing",
                "profiling" or "direct-marketing-profiling" => "profiling",
                "ai-processing" or "ai-training" => "ai_use",
                _ => null,
            };
            if (column is null)
                return TaskResult.Done($"This CRM does not use customer data for {command.Purpose}; nothing to stop here.");
            await c.ExecuteAsync($"UPDATE crm.customers SET {column} = false WHERE id = @id", new { id }, tx);
            // GDPR Art. 17(1)(b): a consent withdrawal also asks to erase data held on that consent alone. The CRM holds the
            // customer record under the customer contract, so there is none here; the summary says so.
            var erasure = command.EraseConsentOnlyData
                ? " No data here rests on this consent alone: the customer record is kept under the customer contract."
                : "";
            return TaskResult.Done($"No more {column.Replace('_', ' ')} for this customer ({command.Purpose}).{erasure}");
        }, ct, db.WorkDelay);
}
