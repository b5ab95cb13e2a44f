using Dapper;

namespace DsarEngine.Server.Packs;

// The answer a subject downloads is the latest letter and what was rendered with it. A letter re-rendered after a
// rejected review brings a new copy (saved with it, same created_at); a copy older than the latest letter belongs to an
// answer that was replaced, and is never handed out as part of the new one.
internal sealed partial class PackStore
{
    private const string AnswerSql = """
        SELECT id, kind, language, bytes, sha256, created_at FROM response_packs
        WHERE tenant_id = @TenantId AND request_id = @RequestId AND kind = ANY(@Kinds)
        ORDER BY created_at, id
        """;

    // Each part of the current answer and its stored document; empty until a letter is rendered.
    public async Task<IReadOnlyDictionary<string, Document>> AnswerAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var documents = (await c.QueryAsync<Document>(new CommandDefinition(AnswerSql,
            new { TenantId = tenantId, RequestId = requestId, Kinds = PackParts.Kinds.Values.ToArray() }, cancellationToken: ct))).ToList();
        var answer = new Dictionary<string, Document>(StringComparer.Ordinal);
        if (documents.LastOrDefault(d => d.Kind == PackParts.Kinds[PackParts.Letter]) is not { } letter)
            return answer;
        foreach (var (part, kind) in PackParts.Kinds)
            if (documents.LastOrDefault(d => d.Kind == kind && d.CreatedAt >= letter.CreatedAt) is { } document)
                answer[part] = document;
        return answer;
    }

    // The parts a request's answer has, in a stable order: ["letter", "copy"] for access, ["letter", "archive"] for
    // portability, ["letter"] for the other rights and for a refused or empty access answer, [] before any render.
    public async Task<IReadOnlyList<string>> PartsAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        var answer = await AnswerAsync(tenantId, requestId, ct);
        return [.. PackParts.Kinds.Keys.Where(answer.ContainsKey)];
    }
}
