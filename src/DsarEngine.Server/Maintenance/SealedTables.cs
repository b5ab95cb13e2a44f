using DsarEngine.Server.Connectors;
using DsarEngine.Server.Conversations;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Uploads;

namespace DsarEngine.Server.Maintenance;

// One sealed value of a row: its nonce and sealed columns, and the associated data its store seals it with (the same
// function the store uses, so a re-sealed value opens exactly where the original did, and nowhere else).
internal sealed record SealedPart(string Nonce, string Sealed, Func<SealedRow, byte[]> Associated);

// A table holding values sealed with the data key ring. Id (and Sequence, for export chunks) find the row again;
// every part of a row is sealed under the row's one key id.
internal sealed record SealedTable(string Name, string Id, string? Sequence, string KeyId, IReadOnlyList<SealedPart> Parts);

internal sealed record SealedRow(Guid Id, int Sequence, Guid TenantId, string KeyId, byte[][] Nonces, byte[][] Sealed);

internal static class SealedTables
{
    // Every table that stores DataKeyRing output (grep `keys.Seal(` and `seal.Seal(`): a new one must be added here, or
    // its rows would keep an old key that an operator then removes (DataKeyRotationTests seals a row in each but
    // request_messages, sealed by the same TextSeal as request_notes).
    public static readonly IReadOnlyList<SealedTable> All =
    [
        new("connector_exports", "export_id", "sequence", "key_id",
            [new("nonce", "sealed", r => ExportStore.Associated(r.TenantId, r.Id, r.Sequence))]),
        new("response_packs", "id", null, "key_id", [new("nonce", "sealed", r => PackStore.Associated(r.TenantId, r.Id))]),
        new("request_notes", "id", null, "key_id", [new("nonce", "sealed", r => TextSeal.Associated(r.TenantId, r.Id))]),
        new("request_messages", "id", null, "key_id", [new("nonce", "sealed", r => TextSeal.Associated(r.TenantId, r.Id))]),
        new("subject_documents", "id", null, "key_id",
        [
            new("nonce", "sealed", r => SubjectUploads.Associated(r.TenantId, r.Id, "content")),
            new("name_nonce", "name_sealed", r => SubjectUploads.Associated(r.TenantId, r.Id, "name")),
        ]),
        // The TOTP key is bound to the person's id, the single sign-on secret to the organisation's (their stores).
        new("staff_users", "id", null, "authenticator_key_id",
            [new("authenticator_nonce", "authenticator_key", r => r.Id.ToByteArray())]),
        new("tenant_sso", "tenant_id", null, "client_secret_key_id",
            [new("client_secret_nonce", "client_secret", r => r.TenantId.ToByteArray())]),
    ];
}
