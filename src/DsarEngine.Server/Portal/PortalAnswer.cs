using System.Text.Json;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Journal;

namespace DsarEngine.Server.Portal;

// The answer on the portal: a one-time code e-mailed to the subject (PackCodeMail, the answer link's own path and limits)
// opens the downloads for the code's validity; each file handed out is journaled as a pack download, with its part.
internal sealed class PortalAnswer(PackCodeMail mail, PackCodes codes, PackStore packs, TimeProvider clock)
{
    public const string Letter = "letter";
    public const string Copy = "copy";

    // The parts a request's answer has: the letter, and the full copy of the data (access) or the portability archive.
    public async Task<IReadOnlyList<string>> PartsAsync(StoredRequest request, CancellationToken ct)
    {
        var kinds = (await packs.ListAsync(request.TenantId, request.Id, ct)).Select(d => d.Kind).ToHashSet();
        return [.. new[] { Letter, Copy }.Where(p => Kind(request, p) is { } k && kinds.Contains(k))];
    }

    public Task<PackCodeSending> SendCodeAsync(StoredRequest request, CancellationToken ct) =>
        mail.SendAsync(request, clock.GetUtcNow(), ct);

    public async Task<(PackCodeCheck Check, DateTimeOffset? RetryAt)> OpenAsync(
        StoredRequest request, Guid codeId, string? code, CancellationToken ct) =>
        await codes.UseAsync(request, codeId, code?.Trim(), mail.Limits, clock.GetUtcNow(), ct, journalDownload: false);

    public static DateTimeOffset OpenUntil(DateTimeOffset now) => now + PackCodes.Validity;

    // The newest document of the part, read and journaled in one transaction (nothing is handed out unrecorded).
    public async Task<byte[]?> DownloadAsync(StoredRequest request, string part, CancellationToken ct)
    {
        if (Kind(request, part) is not { } kind)
            return null;
        var document = (await packs.ListAsync(request.TenantId, request.Id, ct)).LastOrDefault(d => d.Kind == kind);
        if (document is null)
            return null;
        var data = JsonSerializer.Serialize(new { proof = "one-time code sent to the subject's e-mail", part, via = "portal" });
        return await packs.ReadJournaledAsync(request.TenantId, request.Id, document.Id, Instants.Microseconds(clock.GetUtcNow()),
            PortalAccess.PortalActor, JournalKinds.PackDownloaded, data, ct);
    }

    public static (string MediaType, string Extension) FileType(string part) =>
        part == Letter ? ("application/pdf", "pdf") : ("application/zip", "zip");

    private static string? Kind(StoredRequest request, string part) => part switch
    {
        Letter => "letter",
        Copy when request.RightKind == "portability" => "portability-zip",
        _ => null,
    };
}
