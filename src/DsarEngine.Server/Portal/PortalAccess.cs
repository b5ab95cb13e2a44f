using System.Text.Json;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Portal;

internal enum PortalDoor { Open, NotFound, NoSession, LinkExpired }

// A portal page's request, its journal (the timeline and the closing date come from it) and the session that opened it.
internal sealed record PortalView(StoredRequest Request, IReadOnlyList<JournalEntry> Journal, PortalTicket Ticket)
{
    public string Language => Ticket.Language ?? Request.Language;
}

// Who may see which request: the status link's token opens a session for its request; a session opens only its own
// request's pages; neither opens a request closed more than Dsar:Portal:LinkDaysAfterClose days ago.
internal sealed class PortalAccess(RequestStore requests, JournalStore journal, PortalSession sessions, NpgsqlDataSource dataSource,
    IOptions<PortalOptions> options, TimeProvider clock)
{
    // Unknown reference and wrong token answer alike (NotFound), so the portal cannot be used to probe references.
    public async Task<(PortalDoor Door, StoredRequest? Request)> ExchangeAsync(string reference, string? token, CancellationToken ct)
    {
        var request = PublicReference.IsWellFormed(reference) ? await requests.FindByReferenceAsync(reference, ct) : null;
        if (request is null || !SecretTokens.Matches(token, request.StatusTokenHash))
            return (PortalDoor.NotFound, null);
        var entries = await journal.ReadAsync(request.TenantId, request.Id, ct);
        return (Expired(entries) ? PortalDoor.LinkExpired : PortalDoor.Open, request);
    }

    // An unknown reference looks like a missing session: the answer says nothing about which references exist.
    public async Task<(PortalDoor Door, PortalView? View)> OpenAsync(HttpContext http, string reference, CancellationToken ct)
    {
        var request = PublicReference.IsWellFormed(reference) ? await requests.FindByReferenceAsync(reference, ct) : null;
        if (request is null || sessions.Read(http, request.Id) is not { } ticket || ticket.TenantId != request.TenantId)
            return (PortalDoor.NoSession, null);
        var entries = await journal.ReadAsync(request.TenantId, request.Id, ct);
        if (Expired(entries))
            return (PortalDoor.LinkExpired, null);
        var language = http.Request.Query["lang"].ToString() is { Length: > 0 } asked && PortalLanguages.IsOffered(asked)
            ? asked : ticket.Language;
        return (PortalDoor.Open, new PortalView(request, entries, sessions.Write(http, reference, ticket with { Language = language })));
    }

    public static DateTimeOffset? ClosedAt(IEnumerable<JournalEntry> entries) =>
        entries.Where(e => PortalTimeline.ClosingKinds.Contains(e.Kind)).Select(e => (DateTimeOffset?)e.At).FirstOrDefault();

    private bool Expired(IReadOnlyList<JournalEntry> entries) =>
        ClosedAt(entries) is { } closed && clock.GetUtcNow() >= closed.AddDays(options.Value.LinkDaysAfterClose);

    // Every view is journaled under the subject, with the page's name only (GDPR Art. 5(2): who saw what, and when).
    public async Task ViewedAsync(StoredRequest request, string page, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await JournalStore.AppendEventAsync(c, tx, request.TenantId, request.Id, Instants.Microseconds(clock.GetUtcNow()),
            PortalActor, JournalKinds.PortalViewed, JsonSerializer.Serialize(new { page }), ct);
        await tx.CommitAsync(ct);
    }

    public const string PortalActor = "subject";
}
