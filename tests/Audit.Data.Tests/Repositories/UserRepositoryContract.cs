using Audit.Core.Access;
using Audit.Data.Connections;
using Audit.Data.Repositories;

namespace Audit.Data.Tests.Repositories;

/// <summary>Users and hashed tokens behave the same on every engine.</summary>
public abstract class UserRepositoryContract : EngineTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private UserRepository Users => new(Factory);

    private static User NewUser(Role role = Role.Analyst, string? email = null)
    {
        var id = AccessTokens.NewId("u_");
        return new User(id, "Test " + id, email ?? id + "@Example.NL", role, null, true, Now);
    }

    private static StoredToken TokenFor(User user, string token, DateTimeOffset? expiresAt = null) =>
        new(AccessTokens.NewId("t_"), user.Id, TokenKind.PersonalAccessToken, AccessTokens.Hash(token), Now, expiresAt);

    [TestMethod]
    public async Task A_user_round_trips_with_a_lower_case_email()
    {
        var user = NewUser(Role.Ministry);
        Assert.IsTrue(await Users.InsertAsync(user));

        var stored = await Users.GetAsync(user.Id);

        Assert.IsNotNull(stored);
        Assert.AreEqual(Role.Ministry, stored.Role);
        Assert.AreEqual(user.Email.ToLowerInvariant(), stored.Email);
        Assert.AreEqual(Now, stored.CreatedAt);
        Assert.AreEqual(user.Id, (await Users.FindByEmailAsync(user.Email.ToUpperInvariant()))?.Id);
    }

    [TestMethod]
    public async Task A_second_user_with_the_same_email_is_refused()
    {
        var first = NewUser();
        Assert.IsTrue(await Users.InsertAsync(first));

        var second = NewUser(email: first.Email.ToUpperInvariant());

        Assert.IsFalse(await Users.InsertWithTokenAsync(second, TokenFor(second, AccessTokens.NewToken())));
        Assert.IsNull(await Users.GetAsync(second.Id));
    }

    [TestMethod]
    public async Task A_token_finds_its_user_until_it_expires_or_is_revoked()
    {
        var user = NewUser();
        var token = AccessTokens.NewToken();
        var stored = TokenFor(user, token, Now.AddHours(1));
        Assert.IsTrue(await Users.InsertWithTokenAsync(user, stored));

        Assert.AreEqual(user.Id, (await Users.FindByTokenHashAsync(AccessTokens.Hash(token), Now))?.User.Id);
        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(token), Now.AddHours(2)), "expired");
        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(AccessTokens.NewToken()), Now), "unknown");

        Assert.IsTrue(await Users.RevokeTokenAsync(user.Id, stored.Id, Now));
        Assert.IsFalse(await Users.RevokeTokenAsync(user.Id, stored.Id, Now), "revoking twice is a no-op");
        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(token), Now), "revoked");
    }

    [TestMethod]
    public async Task AnyWithRole_sees_only_that_role()
    {
        var admin = NewUser(Role.Admin);
        Assert.IsTrue(await Users.InsertAsync(admin));

        Assert.IsTrue(await Users.AnyWithRoleAsync(Role.Admin));
        Assert.Contains(admin.Id, (await Users.ListAsync()).Select(u => u.Id));
    }
}

[TestClass]
public sealed class SqliteUserRepositoryTests : UserRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresUserRepositoryTests : UserRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerUserRepositoryTests : UserRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
