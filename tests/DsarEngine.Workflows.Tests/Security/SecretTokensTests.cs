using DsarEngine.Workflows.Security;

namespace DsarEngine.Workflows.Tests.Security;

public sealed class SecretTokensTests
{
    private static readonly SecretTokens Tokens = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Test]
    public void A_token_is_stable_per_request_and_purpose_and_differs_otherwise()
    {
        var id = Guid.NewGuid();
        using (Assert.EnterMultipleScope())
        {
            // Another instance with the same key, as another engine or a restart has: the same token.
            Assert.That(new SecretTokens(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()).Derive("status", id),
                Is.EqualTo(Tokens.Derive("status", id)));
            Assert.That(Tokens.Derive("status", id), Is.Not.EqualTo(Tokens.Derive("download", id)));
            Assert.That(Tokens.Derive("status", id), Is.Not.EqualTo(Tokens.Derive("status", Guid.NewGuid())));
            Assert.That(new SecretTokens(new byte[32]).Derive("status", id), Is.Not.EqualTo(Tokens.Derive("status", id)));
        }
    }

    [Test]
    public void Only_the_exact_token_matches_its_stored_hash()
    {
        var token = Tokens.Derive("status", Guid.NewGuid());
        var hash = SecretTokens.Hash(token);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SecretTokens.Matches(token, hash), Is.True);
            Assert.That(SecretTokens.Matches(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), hash), Is.False);
            Assert.That(SecretTokens.Matches(null, hash), Is.False);
            Assert.That(SecretTokens.Matches("", hash), Is.False);
            Assert.That(hash, Is.Not.EqualTo(System.Text.Encoding.UTF8.GetBytes(token)));
        }
    }
}
