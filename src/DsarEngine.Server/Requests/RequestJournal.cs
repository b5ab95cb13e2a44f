using System.Text.Json;
using DsarEngine.Workflows.Journal;

namespace DsarEngine.Server.Requests;

// A request's hash-chained audit trail with the chain checked, as the staff API and the inbox show it.
internal sealed class RequestJournal(JournalStore journal)
{
    public async Task<JournalView> ReadAsync(StoredRequest request, CancellationToken ct)
    {
        var entries = await journal.ReadAsync(request.TenantId, request.Id, ct);
        var broken = JournalChain.FirstBroken(entries);
        return new JournalView(broken is null, broken,
            entries.Select(e => new JournalLine(
                e.Seq, e.At, e.Actor, e.Kind, JsonDocument.Parse(e.Data).RootElement, Convert.ToHexStringLower(e.Hash))).ToArray());
    }
}

internal sealed record JournalView(bool Verified, int? FirstBrokenSeq, JournalLine[] Entries);

internal sealed record JournalLine(int Seq, DateTimeOffset At, string Actor, string Kind, JsonElement Data, string Hash);
