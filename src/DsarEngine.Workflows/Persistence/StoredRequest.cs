namespace DsarEngine.Workflows.Persistence;

// A request row. Constructor mapping is positional: keep the order of RequestColumns.
internal sealed record StoredRequest(
    Guid Id,
    Guid TenantId,
    string Reference,
    byte[] StatusTokenHash,
    string RightKind,
    string? Purpose,
    string Subject,
    string? Details,
    string Channel,
    string Jurisdiction,
    string Regime,
    string Language,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CreatedAt,
    int Version)
{
    // Dapper materialises through this and the init setters: its constructor mapping needs exact column types
    // (timestamptz reads as DateTime, text[] as Array), which the positional constructor cannot offer.
    private StoredRequest() : this(default, default, "", [], "", null, "", null, "", "", "", "", "", default, default, default) { }

    public const string Columns = """
        id, tenant_id, reference, status_token_hash, right_kind, purpose, subject::text AS subject, details,
        channel, jurisdiction, regime, language, status, received_at, created_at, version
        """;
}
