using Dapper;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Samples.Common;
using Npgsql;

namespace DsarEngine.Samples.SupportDeskConnector;

// The support desk's answers. Tickets are free text: the export gives them whole; an erasure deletes the subject's
// own conversations and, where another customer took part, removes the subject from them instead.
public sealed class SupportHandlers(SampleDatabase db) : ILocateHandler, IExportHandler, IRectifyHandler, IEraseHandler
{
    private const string FindSql = "SELECT id FROM support.requesters WHERE lower(email) = @Email";

    private static Task<int?> FindAsync(NpgsqlConnection c, NpgsqlTransaction? tx, IReadOnlyList<SubjectIdentity> identities) =>
        c.QuerySingleOrDefaultAsync<int?>(FindSql, new { Email = SamplePeople.Email(identities) }, tx);

    public async Task<TaskResult> LocateAsync(LocateSubject command, TaskContext context, CancellationToken ct)
    {
        await using var c = await db.DataSource.OpenConnectionAsync(ct);
        return await FindAsync(c, null, command.Identities) is null
            ? TaskResult.NotFound()
            : TaskResult.Done("Requester found: tickets and comments.");
    }

    public async Task<ExportDocument?> ExportAsync(ExportSubjectData command, TaskContext context, CancellationToken ct)
    {
        await using var c = await db.DataSource.OpenConnectionAsync(ct);
        if (await FindAsync(c, null, command.Identities) is not { } id)
            return null;
        var profile = await c.QuerySingleAsync("SELECT email, name FROM support.requesters WHERE id = @id", new { id });
        var tickets = await c.QueryAsync(
            "SELECT id::text AS ticket, subject, body, status, opened_on::text AS opened_on " +
            "FROM support.tickets WHERE requester_id = @id ORDER BY id", new { id });
        var comments = await c.QueryAsync("""
            SELECT c.ticket_id::text AS ticket, c.author, c.body FROM support.comments c JOIN support.tickets t ON t.id = c.ticket_id
            WHERE t.requester_id = @id AND (c.requester_id IS NULL OR c.requester_id = @id) ORDER BY c.id
            """, new { id });
        return new ExportDocument("support-desk", "Support desk", [
            new ExportedCategory("requester", [Records.From(profile)]),
            new ExportedCategory("support-tickets", [.. tickets.Select(r => Records.From(r))]),
            new ExportedCategory("ticket-comments", [.. comments.Select(r => Records.From(r))]),
        ]);
    }

    public Task<TaskResult> RectifyAsync(RectifySubjectData command, TaskContext context, CancellationToken ct) =>
        IdempotentWork.RunAsync(db.DataSource, SupportSchema.Name, context, ConnectorActions.Rectify, async (c, tx) =>
        {
            if (await FindAsync(c, tx, command.Identities) is not { } id)
                return TaskResult.NotFound();
            var applied = new List<string>();
            foreach (var change in command.Changes.Where(ch => ch.Field is "email" or "name"))
            {
                await c.ExecuteAsync(
                    $"UPDATE support.requesters SET {(change.Field == "email" ? "email = lower(@Value)" : "name = @Value")} WHERE id = @id",
                    new { change.Value, id }, tx);
                applied.Add(change.Field);
            }
            return TaskResult.Done(applied.Count == 0
                ? "The support desk holds none of the fields to correct."
                : $"Corrected: {string.Join(", ", applied)}.");
        }, ct, db.WorkDelay);

    public Task<TaskResult> EraseAsync(EraseSubjectData command, TaskContext context, CancellationToken ct) =>
        IdempotentWork.RunAsync(db.DataSource, SupportSchema.Name, context, ConnectorActions.Erase, async (c, tx) =>
        {
            if (await FindAsync(c, tx, command.Identities) is not { } id)
                return TaskResult.NotFound();
            // The other customer's part of a shared ticket is theirs: keep the ticket, take the subject out of it.
            var shared = (await c.QueryAsync<int>("""
                SELECT DISTINCT t.id FROM support.tickets t JOIN support.comments c ON c.ticket_id = t.id
                WHERE t.requester_id = @id AND c.requester_id IS NOT NULL AND c.requester_id <> @id
                """, new { id }, tx)).ToArray();
            await c.ExecuteAsync(
                "UPDATE support.tickets SET requester_id = NULL, subject = '[erased]', body = '[erased at the requester''s request]' " +
                "WHERE id = ANY(@shared)", new { shared }, tx);
            await c.ExecuteAsync("DELETE FROM support.comments WHERE requester_id = @id", new { id }, tx);
            var deleted = await c.ExecuteAsync("DELETE FROM support.tickets WHERE requester_id = @id", new { id }, tx);
            await c.ExecuteAsync("DELETE FROM support.requesters WHERE id = @id", new { id }, tx);
            return TaskResult.Done(
                $"{deleted} ticket(s) erased; {shared.Length} shared ticket(s) anonymised, keeping the other customer's messages.");
        }, ct, db.WorkDelay);
}
