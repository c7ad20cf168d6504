using Audit.Core.Access;

namespace Audit.Core.Tests.Access;

[TestClass]
public sealed class AccessTokensTests
{
    [TestMethod]
    public void A_new_token_is_prefixed_and_unique()
    {
        var first = AccessTokens.NewToken();
        var second = AccessTokens.NewToken();

        Assert.StartsWith(AccessTokens.Prefix, first);
        Assert.AreNotEqual(first, second);
        // 32 random bytes in unpadded base64url are 43 characters.
        Assert.AreEqual(AccessTokens.Prefix.Length + 43, first.Length);
    }

    [TestMethod]
    public void A_stored_token_keeps_only_the_hash_of_the_plain_value()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var plain = AccessTokens.NewToken();

        var stored = StoredToken.For("u_1", TokenKind.Invitation, plain, now, now.AddDays(14));

        Assert.AreEqual(AccessTokens.Hash(plain), stored.TokenHash);
        Assert.DoesNotContain(plain, stored.ToString());
        Assert.StartsWith("t_", stored.Id);
        Assert.AreEqual("u_1", stored.UserId);
        Assert.AreEqual(TokenKind.Invitation, stored.Kind);
        Assert.AreEqual(now.AddDays(14), stored.ExpiresAt);
        Assert.AreNotEqual(stored.Id, StoredToken.For("u_1", TokenKind.Invitation, plain, now, null).Id);
    }

    [TestMethod]
    public void The_hash_is_lowercase_hex_sha256()
    {
        Assert.AreEqual("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", AccessTokens.Hash("foo"));
    }
}
