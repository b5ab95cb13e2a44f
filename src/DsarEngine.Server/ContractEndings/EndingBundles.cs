using System.IO.Compression;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Settings;
using DsarEngine.Workflows.Security;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.ContractEndings;

internal enum BundleLinkOutcome
{
    Made,
    Refused,
    NotFound,
    NotReady,
}

internal sealed record BundleLinkResult(BundleLinkOutcome Outcome, ContractEndingsApi.BundleLinkView? View = null);

// The returned data (GDPR Art. 28(3)(g) "return"): each system's export, sealed at rest like a subject's, put together on
// download as a ZIP with a manifest of SHA-256 digests. The controller takes it from its own staff API when it is on this
// engine, or through an expiring link (only the token's hash is stored). Every download is journaled.
internal sealed class EndingBundles(ContractEndingStore store, ExportStore exports, IOptions<IntakeOptions> intake, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(14);

    public static bool Ready(StoredEnding e) => EndingChoices.Returns(e.Choice) && e.Phase != EndingPhases.Export;

    public async Task<BundleLinkResult> NewLinkAsync(ClaimsPrincipal by, Guid id, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return new(BundleLinkOutcome.Refused);
        if (await store.FindAsync(by.Tenant(), id, ct) is not { } ending)
            return new(BundleLinkOutcome.NotFound);
        if (!Ready(ending))
            return new(BundleLinkOutcome.NotReady);
        var token = SecretTokens.Base64Url(RandomNumberGenerator.GetBytes(32));
        var expires = clock.GetUtcNow().Add(LinkLifetime);
        await store.SetBundleLinkAsync(ending.TenantId, id, SecretTokens.Hash(token), expires, ct);
        await store.JournalEventAsync(id, clock.GetUtcNow(), by.Actor(), "contract-ending-bundle-link", new { expiresAt = expires }, ct);
        return new(BundleLinkOutcome.Made,
            new($"{intake.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/contract-bundles/{id}?token={Uri.EscapeDataString(token)}", expires));
    }

    // The ZIP, journaled as downloaded by whom; null when the end of contract has no returned data (yet).
    public async Task<byte[]?> DownloadAsync(StoredEnding ending, string by, CancellationToken ct)
    {
        if (!Ready(ending))
            return null;
        var manifest = new List<object>();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var task in (await store.TasksAsync(ending.Id, ct)).Where(t => t.Action == CustomerActions.Export))
            {
                var document = task.Export is { } x ? await exports.ReadAsync(ending.Id, x.ExportId, null, ct) : null;
                if (document is not null)
                {
                    // In memory: the archive's synchronous writes never block on I/O.
                    using var entry = archive.CreateEntry($"{task.Connector}.json", CompressionLevel.Optimal).Open();
                    entry.Write(document);
                }
                manifest.Add(new
                {
                    connector = task.Connector, status = task.Status, file = document is null ? null : $"{task.Connector}.json",
                    records = task.Export?.Records, bytes = document?.Length,
                    sha256 = document is null ? null : Convert.ToHexStringLower(SHA256.HashData(document)),
                });
            }
            using var list = archive.CreateEntry("manifest.json", CompressionLevel.Optimal).Open();
            JsonSerializer.Serialize(list, new { endOfContract = ending.Id, workspace = ending.WorkspaceKey, systems = manifest },
                ContractEndingStore.Json);
        }
        await store.JournalEventAsync(ending.Id, clock.GetUtcNow(), by, "contract-ending-bundle-downloaded", new { by }, ct);
        return zip.ToArray();
    }
}
