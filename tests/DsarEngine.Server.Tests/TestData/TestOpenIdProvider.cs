using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DsarEngine.Server.Tests.TestData;

// A minimal OpenID provider on a loopback port (there is no internet): discovery, its signing key, an authorization
// endpoint that approves the configured person at once, and a token endpoint that checks the client, the redirect URI and
// PKCE, then issues an RS256 id_token with the nonce, subject, address and groups. Tamper makes it misbehave as an
// attacker in the middle would.
internal sealed class TestOpenIdProvider : IAsyncDisposable
{
    public enum Tampering
    {
        None,
        WrongSignature,
        WrongNonce,
    }

    public sealed record Person(string Subject, string Email, string Name, string[] Groups);

    private sealed record Grant(string ClientId, string RedirectUri, string? Nonce, string Challenge, Person Person);

    private readonly WebApplication app;
    private static readonly string KeyId = Guid.NewGuid().ToString("N");
    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = KeyId };
    private readonly RsaSecurityKey otherKey = new(RSA.Create(2048)) { KeyId = KeyId }; // an attacker's key, claiming the real key's id
    private readonly ConcurrentDictionary<string, Grant> grants = new();

    public string ClientId { get; } = "dsar-inbox";

    public string ClientSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    // Who the provider signs in next (the person at the IdP's login screen).
    public Person SignedIn { get; set; } = new("sub-" + Guid.NewGuid().ToString("N"), $"sso-{Guid.NewGuid():N}"[..16] + "@example.org",
        "Sam Single", []);

    public Tampering Tamper { get; set; }

    // The query of the last authorization request, as the engine sent it.
    public IReadOnlyDictionary<string, string> LastAuthorization { get; private set; } = new Dictionary<string, string>();

    public Uri Issuer { get; private set; } = null!;

    private TestOpenIdProvider(WebApplication app) => this.app = app;

    public static async Task<TestOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var provider = new TestOpenIdProvider(builder.Build());
        provider.app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        provider.app.MapGet("/jwks", provider.Keys);
        provider.app.MapGet("/authorize", provider.Authorize);
        provider.app.MapPost("/token", provider.TokenAsync);
        await provider.app.StartAsync();
        var address = provider.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = new Uri(address.TrimEnd('/'));
        return provider;
    }

    private string Base => Issuer.ToString().TrimEnd('/');

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Base, ["authorization_endpoint"] = $"{Base}/authorize", ["token_endpoint"] = $"{Base}/token",
        ["jwks_uri"] = $"{Base}/jwks", ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" }, ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
    });

    private IResult Keys()
    {
        var parameters = key.Rsa.ExportParameters(false);
        return Results.Json(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus),
                    e = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        LastAuthorization = query;
        if (query.GetValueOrDefault("client_id") != ClientId || query.GetValueOrDefault("response_type") != "code"
            || query.GetValueOrDefault("code_challenge_method") != "S256" || !query.TryGetValue("redirect_uri", out var redirect))
            return Results.BadRequest("invalid_request");
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        grants[code] = new Grant(ClientId, redirect, query.GetValueOrDefault("nonce"), query["code_challenge"], SignedIn);
        return Results.Redirect($"{redirect}?code={code}&state={Uri.EscapeDataString(query.GetValueOrDefault("state") ?? "")}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (!grants.TryRemove(form["code"].ToString(), out var grant) || form["client_id"] != ClientId
            || form["client_secret"] != ClientSecret || form["redirect_uri"] != grant.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime; // the engine checks tokens against the real clock (IdentityModel's)
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Base, Audience = grant.ClientId, IssuedAt = now, NotBefore = now, Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(Tamper == Tampering.WrongSignature ? otherKey : key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = grant.Person.Subject, ["email"] = grant.Person.Email, ["name"] = grant.Person.Name,
                ["groups"] = grant.Person.Groups, ["nonce"] = Tamper == Tampering.WrongNonce ? "not-the-nonce" : grant.Nonce ?? "",
            },
        };
        var idToken = new JsonWebTokenHandler().CreateToken(descriptor);
        return Results.Json(
            new { access_token = Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
