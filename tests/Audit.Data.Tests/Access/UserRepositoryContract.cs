using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Audit.Data.Access;
using Audit.Data.AuditTrail;
using Audit.Data.Connections;

namespace Audit.Data.Tests.Access;

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

    private static AuditEvent Audit(string objectId) => new Actor("tester", "admin").Did("test.change", "user", objectId, Now);

    private AuditEventRepository Trail => new(Factory);

    private async Task<long> EventsFor(string objectId) =>
        (await Trail.QueryAsync(new AuditEventQuery(ObjectId: objectId), new PageRequest())).Total;

    [TestMethod]
    public async Task A_refused_change_writes_no_audit_event_and_a_done_one_writes_one()
    {
        var first = NewUser();
        Assert.IsTrue(await Users.InsertAsync(first, Audit(first.Id)));
        var clash = NewUser(email: first.Email);

        Assert.IsFalse(await Users.InsertAsync(clash, Audit(clash.Id)));

        Assert.AreEqual(1, await EventsFor(first.Id));
        Assert.AreEqual(0, await EventsFor(clash.Id));
    }

    [TestMethod]
    public async Task An_invitation_works_once_and_opens_a_session()
    {
        var user = NewUser(Role.Respondent);
        var invitation = AccessTokens.NewToken();
        var stored = TokenFor(user, invitation, Now.AddDays(7)) with { Kind = TokenKind.Invitation };
        Assert.IsTrue(await Users.InsertWithTokenAsync(user, stored, Audit(user.Id)));
        var session = AccessTokens.NewToken();
        StoredToken SessionToken() => new(AccessTokens.NewId("t_"), "", TokenKind.Session, AccessTokens.Hash(session), Now, Now.AddHours(8));

        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(session), Now));
        Assert.AreEqual(user.Id, (await Users.RedeemInvitationAsync(AccessTokens.Hash(invitation), SessionToken(), Now))?.Id);
        Assert.IsNull(await Users.RedeemInvitationAsync(AccessTokens.Hash(invitation), SessionToken(), Now), "single use");
        var principal = await Users.FindByTokenHashAsync(AccessTokens.Hash(session), Now.AddHours(1));
        Assert.AreEqual(TokenKind.Session, principal?.Kind);
    }

    [TestMethod]
    public async Task An_expired_invitation_does_not_sign_in()
    {
        var user = NewUser(Role.Respondent);
        var invitation = AccessTokens.NewToken();
        var stored = TokenFor(user, invitation, Now.AddDays(7)) with { Kind = TokenKind.Invitation };
        Assert.IsTrue(await Users.InsertWithTokenAsync(user, stored, Audit(user.Id)));

        var session = new StoredToken(AccessTokens.NewId("t_"), "", TokenKind.Session, AccessTokens.Hash(AccessTokens.NewToken()), Now, Now.AddHours(8));

        Assert.IsNull(await Users.RedeemInvitationAsync(AccessTokens.Hash(invitation), session, Now.AddDays(8)));
    }

    [TestMethod]
    public async Task A_user_round_trips_with_a_lower_case_email()
    {
        var user = NewUser(Role.Ministry);
        Assert.IsTrue(await Users.InsertAsync(user, Audit(user.Id)));

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
        Assert.IsTrue(await Users.InsertAsync(first, Audit(first.Id)));

        var second = NewUser(email: first.Email.ToUpperInvariant());

        Assert.IsFalse(await Users.InsertWithTokenAsync(second, TokenFor(second, AccessTokens.NewToken()), Audit(second.Id)));
        Assert.IsNull(await Users.GetAsync(second.Id));
    }

    [TestMethod]
    public async Task A_token_finds_its_user_until_it_expires_or_is_revoked()
    {
        var user = NewUser();
        var token = AccessTokens.NewToken();
        var stored = TokenFor(user, token, Now.AddHours(1));
        Assert.IsTrue(await Users.InsertWithTokenAsync(user, stored, Audit(user.Id)));

        Assert.AreEqual(user.Id, (await Users.FindByTokenHashAsync(AccessTokens.Hash(token), Now))?.User.Id);
        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(token), Now.AddHours(2)), "expired");
        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(AccessTokens.NewToken()), Now), "unknown");

        Assert.IsTrue(await Users.RevokeTokenAsync(user.Id, stored.Id, Now, Audit(stored.Id)));
        Assert.IsFalse(await Users.RevokeTokenAsync(user.Id, stored.Id, Now, Audit(stored.Id)), "revoking twice is a no-op");
        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(token), Now), "revoked");
    }

    [TestMethod]
    public async Task A_session_from_a_token_ends_when_that_token_is_revoked_or_expires()
    {
        var user = NewUser();
        var parent = TokenFor(user, AccessTokens.NewToken(), Now.AddHours(2));
        Assert.IsTrue(await Users.InsertWithTokenAsync(user, parent, Audit(user.Id)));
        var session = AccessTokens.NewToken();
        var stored = StoredToken.For(user.Id, TokenKind.Session, session, Now, Now.AddHours(8)) with { ParentTokenId = parent.Id };
        await Users.InsertTokenAsync(stored, Audit(stored.Id));

        Assert.AreEqual(stored.Id, (await Users.FindByTokenHashAsync(AccessTokens.Hash(session), Now))?.TokenId);
        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(session), Now.AddHours(3)), "the parent expired");

        Assert.IsTrue(await Users.RevokeTokenAsync(user.Id, parent.Id, Now, Audit(parent.Id)));
        Assert.IsNull(await Users.FindByTokenHashAsync(AccessTokens.Hash(session), Now), "the parent was revoked");
    }

    [TestMethod]
    public async Task Touching_a_token_records_its_use_at_most_once_per_interval()
    {
        var user = NewUser();
        var token = AccessTokens.NewToken();
        Assert.IsTrue(await Users.InsertWithTokenAsync(user, TokenFor(user, token, Now.AddHours(8)), Audit(user.Id)));
        async Task<DateTimeOffset?> LastUsed() => (await Users.FindByTokenHashAsync(AccessTokens.Hash(token), Now))?.LastUsedAt;

        Assert.AreEqual(Now, await LastUsed(), "never used: its creation");
        var principal = (await Users.FindByTokenHashAsync(AccessTokens.Hash(token), Now))!;

        await Users.TouchTokenAsync(principal.TokenId, Now.AddMinutes(5), Now.AddMinutes(4));
        Assert.AreEqual(Now.AddMinutes(5), await LastUsed());
        await Users.TouchTokenAsync(principal.TokenId, Now.AddMinutes(5.5), Now.AddMinutes(4.5));
        Assert.AreEqual(Now.AddMinutes(5), await LastUsed(), "recorded recently enough: no write");
        await Users.TouchTokenAsync(principal.TokenId, Now.AddMinutes(7), Now.AddMinutes(6));
        Assert.AreEqual(Now.AddMinutes(7), await LastUsed());
    }

    [TestMethod]
    public async Task AnyWithRole_sees_only_that_role()
    {
        var admin = NewUser(Role.Admin);
        Assert.IsTrue(await Users.InsertAsync(admin, Audit(admin.Id)));

        Assert.IsTrue(await Users.AnyWithRoleAsync(Role.Admin));
        Assert.Contains(admin.Id, (await Users.ListAsync()).Select(u => u.Id));
    }

    [TestMethod]
    public async Task Live_tokens_leave_out_revoked_expired_and_used_ones_newest_first()
    {
        var user = NewUser();
        var older = TokenFor(user, AccessTokens.NewToken(), Now.AddDays(30));
        Assert.IsTrue(await Users.InsertWithTokenAsync(user, older, Audit(user.Id)));
        var newer = TokenFor(user, AccessTokens.NewToken()) with { CreatedAt = Now.AddMinutes(1) };
        var revoked = TokenFor(user, AccessTokens.NewToken());
        var expired = TokenFor(user, AccessTokens.NewToken(), Now.AddMinutes(-1));
        var invitation = AccessTokens.NewToken();
        var used = TokenFor(user, invitation, Now.AddDays(7)) with { Kind = TokenKind.Invitation };
        foreach (var token in new[] { newer, revoked, expired, used })
        {
            await Users.InsertTokenAsync(token, Audit(token.Id));
        }
        Assert.IsTrue(await Users.RevokeTokenAsync(user.Id, revoked.Id, Now, Audit(revoked.Id)));
        Assert.IsNotNull(await Users.RedeemInvitationAsync(AccessTokens.Hash(invitation),
            new StoredToken(AccessTokens.NewId("t_"), "", TokenKind.Session, AccessTokens.Hash(AccessTokens.NewToken()), Now.AddMinutes(-5), Now.AddHours(8)), Now));

        var live = await new UserTokenReader(Factory).ListLiveAsync(user.Id, Now);

        Assert.AreSequenceEqual(new[] { TokenKind.PersonalAccessToken, TokenKind.PersonalAccessToken, TokenKind.Session },
            live.Select(t => t.Kind), string.Join(", ", live));
        Assert.AreEqual(newer.Id, live[0].Id);
        Assert.AreEqual(older.Id, live[1].Id);
        Assert.AreEqual(Now.AddDays(30), live[1].ExpiresAt);
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
