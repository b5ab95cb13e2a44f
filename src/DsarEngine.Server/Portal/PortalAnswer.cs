using DsarEngine.Server.Packs;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Portal;

// A file of the answer as the portal hands it out.
internal sealed record AnswerFile(byte[] Content, string MediaType, string FileName);

// The answer on the portal, on the answer link's own paths: PackCodeMail e-mails the code (same limits, same mail),
// PackCodes checks it once when typed and spends it per part at each download, which is journaled (pack-downloaded,
// with its part) exactly as the answer link's downloads are. Parts: the letter, and access's copy or portability's archive.
internal sealed class PortalAnswer(PackCodeMail mail, PackCodes codes, PackStore packs, TimeProvider clock)
{
    public Task<IReadOnlyList<string>> PartsAsync(StoredRequest request, CancellationToken ct) =>
        packs.PartsAsync(request.TenantId, request.Id, ct);

    public Task<PackCodeSending> SendCodeAsync(StoredRequest request, CancellationToken ct) =>
        mail.SendAsync(request, clock.GetUtcNow(), ct);

    public Task<(PackCodeCheck Check, DateTimeOffset? RetryAt)> CheckAsync(
        StoredRequest request, Guid codeId, string code, CancellationToken ct) =>
        codes.CheckAsync(request, codeId, code, mail.Limits, clock.GetUtcNow(), ct);

    // The part's file, once the code opens it for that part; null with why when it does not.
    public async Task<(AnswerFile? File, PackCodeCheck Check, DateTimeOffset? RetryAt)> DownloadAsync(
        StoredRequest request, string part, Guid codeId, string code, CancellationToken ct)
    {
        var answer = await packs.AnswerAsync(request.TenantId, request.Id, ct);
        if (!PackParts.IsKnown(part) || !answer.TryGetValue(part, out var document))
            return (null, PackCodeCheck.Spent, null);
        var (check, retryAt) = await codes.UseAsync(request, codeId, code, part, mail.Limits, clock.GetUtcNow(), ct);
        if (check != PackCodeCheck.Accepted || await packs.ReadAsync(request.TenantId, request.Id, document.Id, ct) is not { } content)
            return (null, check, retryAt);
        return (new AnswerFile(content, PackKinds.MediaType(document.Kind), PackDownloadApi.FileName(request.Reference, part)),
            check, null);
    }

    public static bool IsLetter(string part) => part == PackParts.Letter;
}
