using DsarEngine.Workflows.Journal;

namespace DsarEngine.Server.Packs;

// A document of a request read by a person of the organisation (the staff API, the inbox). The archives hold every record
// of the subject (the access copy, portability's and an OpenDSR controller's archive), so reading one is journaled with
// who read it, in the transaction that reads it; letters and notices, which reviewers read all day, are not.
internal sealed partial class PackStore
{
    public async Task<(Document Document, byte[] Content)?> ReadAsStaffAsync(
        Guid tenantId, Guid requestId, Guid id, string actor, DateTimeOffset now, CancellationToken ct)
    {
        if ((await ListAsync(tenantId, requestId, ct)).FirstOrDefault(d => d.Id == id) is not { } document)
            return null;
        var content = PackKinds.IsArchive(document.Kind)
            ? await ReadJournaledAsync(tenantId, requestId, id, now, actor, JournalKinds.PackReadByStaff,
                $$"""{"document":"{{id}}","kind":"{{document.Kind}}","sha256":"{{document.Sha256}}"}""", ct)
            : await ReadAsync(tenantId, requestId, id, ct);
        return content is null ? null : (document, content);
    }
}
