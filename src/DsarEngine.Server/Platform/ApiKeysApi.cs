using System.Security.Claims;
using System.Security.Cryptography;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Platform;

// POST /api/v1/staff/api-keys. Name: what the key is for ("crm-sync 2026-12"), no personal data; Role: the staff role it acts as.
internal sealed record ApiKeyBody(string? Name, string? Role);

// The key as issued: the only time its secret is shown.
internal sealed record IssuedApiKey(Guid Id, string Name, string Role, DateTimeOffset CreatedAt, string Key);

// An organisation's staff API keys, for admins: issue a key, list them, revoke one. Rotation is an overlap: issue the new
// key, switch the client to it, revoke the old one (docs/operations.md, "Rotating keys"); both work in between.
internal static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff/api-keys").WithTags("Staff: API keys").RequireAuthorization(AuthServices.Admin);
        group.MapGet("/", List).WithSummary("The organisation's API keys, revoked ones included (never their secrets; admins only)");
        group.MapPost("/", Issue).Accepts<ApiKeyBody>("application/json")
            .WithSummary("Issue an API key (admins only): its secret is in this answer and nowhere else");
        group.MapDelete("/{id:guid}", Revoke).WithSummary("Revoke an API key at once (admins only; not the key making the call)");
        return group;
    }

    private static async Task<Ok<ApiKeyView[]>> List(ClaimsPrincipal user, ApiKeyStore keys, CancellationToken ct) =>
        TypedResults.Ok((await keys.ListAsync(user.Tenant(), ct)).ToArray());

    private static async Task<Results<Created<IssuedApiKey>, ValidationProblem, ProblemHttpResult>> Issue(HttpRequest http,
        ClaimsPrincipal user, ApiKeyStore keys, IOptions<IntakeOptions> options, TimeProvider clock, ILoggerFactory logs,
        CancellationToken ct)
    {
        var body = await JsonBodyReader.ReadAsync<ApiKeyBody>(http, options.Value.MaxBodyBytes, ct);
        if (body.Problem is not null)
            return body.Problem;
        var errors = new Dictionary<string, string[]>();
        var name = body.Value?.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
            errors["name"] = ["Required: what the key is for, 1 to 100 characters (no personal data), e.g. 'crm-sync 2026-12'."];
        if (body.Value?.Role is not { } role || !StaffRoles.All.Contains(role))
            errors["role"] = [$"One of: {string.Join(", ", StaffRoles.All.Order(StringComparer.Ordinal))}."];
        if (errors.Count > 0)
            return Problems.Validation(errors, "No key was issued.");
        var id = Guid.NewGuid();
        var secret = SecretTokens.Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = ApiKeyFormat.Compose(id, secret);
        var now = clock.GetUtcNow();
        await keys.UpsertAsync(id, user.Tenant(), name, body.Value!.Role!, SecretTokens.Hash(secret), now, ct);
        // Ids and roles only: a key's name or a person's may be personal data (docs/security.md, logs).
        logs.CreateLogger(typeof(ApiKeysApi)).LogInformation("API key {KeyId} ({Role}) issued", id, body.Value.Role);
        return TypedResults.Created($"/api/v1/staff/api-keys/{id}", new IssuedApiKey(id, name, body.Value.Role!, now, key));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, ClaimsPrincipal user, ApiKeyStore keys,
        TimeProvider clock, ILoggerFactory logs, CancellationToken ct)
    {
        // The key in hand cannot saw off the branch it sits on: revoke it with the new one, once the client has switched.
        if (user.FindFirst(StaffClaims.ApiKeyId)?.Value == id.ToString())
            return Problems.Of(StatusCodes.Status409Conflict, "own-api-key", "A key cannot revoke itself.",
                "Revoke it with another admin key (the new one, once the client uses it); nothing was changed.");
        if (await keys.RevokeAsync(user.Tenant(), id, clock.GetUtcNow(), ct) is null)
            return Problems.NotFound("API key in your organisation");
        logs.CreateLogger(typeof(ApiKeysApi)).LogInformation("API key {KeyId} revoked", id);
        return TypedResults.NoContent();
    }
}
