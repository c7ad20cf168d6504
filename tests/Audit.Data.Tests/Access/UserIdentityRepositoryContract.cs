using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Paging;
using Audit.Data.Access;
using Audit.Data.AuditTrail;
using Audit.Data.Connections;

namespace Audit.Data.Tests.Access;

/// <summary>Links between users and provider accounts behave the same on every engine.</summary>
/// <remarks>The tests of a class share one database, so each uses subjects of its own.</remarks>
public abstract class UserIdentityRepositoryContract : EngineTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private const string Issuer = "https://idp.example";

    private UserRepository Users => new(Factory);

    private UserIdentityRepository Identities => new(Factory);

    private static AuditEvent Audit(string userId) => new Actor(userId, "analyst").Did("identity.linked", "user", userId, Now);

    private async Task<User> NewUserAsync()
    {
        var id = AccessTokens.NewId("u_");
        var user = new User(id, "Test " + id, id + "@example.nl", Role.Analyst, null, true, Now);
        Assert.IsTrue(await Users.InsertAsync(user, new Actor("tester", "admin").Did("user.created", "user", id, Now)));
        return user;
    }

    private async Task<int> LinkEventsFor(string userId) =>
        (await new AuditEventRepository(Factory).QueryAsync(new AuditEventQuery(ObjectId: userId), new PageRequest())).Items.Count(e => e.Action == "identity.linked");

    [TestMethod]
    public async Task A_linked_account_finds_its_user_and_nothing_else_does()
    {
        var user = await NewUserAsync();
        var sub = "sub-" + user.Id;
        Assert.IsNull(await Identities.FindUserAsync(Issuer, sub));
        Assert.IsNull(await Identities.GetAsync(user.Id));

        Assert.IsTrue(await Identities.LinkAsync(new UserIdentity(user.Id, Issuer, sub, Now), Audit(user.Id)));

        Assert.AreEqual(user.Id, (await Identities.FindUserAsync(Issuer, sub))?.Id);
        Assert.IsNull(await Identities.FindUserAsync(Issuer, sub.ToUpperInvariant()), "subjects compare exactly");
        Assert.IsNull(await Identities.FindUserAsync("https://other.example", sub), "the same subject at another issuer is another account");
        var identity = await Identities.GetAsync(user.Id);
        Assert.AreEqual(new UserIdentity(user.Id, Issuer, sub, Now), identity);
        Assert.AreEqual(1, await LinkEventsFor(user.Id));
    }

    [TestMethod]
    public async Task A_user_is_linked_once_and_an_account_to_one_user_and_a_refusal_leaves_no_trace()
    {
        var user = await NewUserAsync();
        var sub = "sub-" + user.Id;
        var other = await NewUserAsync();
        Assert.IsTrue(await Identities.LinkAsync(new UserIdentity(user.Id, Issuer, sub, Now), Audit(user.Id)));

        Assert.IsFalse(await Identities.LinkAsync(new UserIdentity(user.Id, "https://other.example", sub + "-2", Now), Audit(user.Id)), "one account per user");
        Assert.IsFalse(await Identities.LinkAsync(new UserIdentity(other.Id, Issuer, sub, Now), Audit(other.Id)), "one user per account");

        Assert.AreEqual(Issuer, (await Identities.GetAsync(user.Id))?.Issuer);
        Assert.IsNull(await Identities.GetAsync(other.Id));
        Assert.AreEqual(1, await LinkEventsFor(user.Id));
        Assert.AreEqual(0, await LinkEventsFor(other.Id));
    }

    [TestMethod]
    public async Task A_deactivated_user_is_still_found_so_the_caller_can_refuse_it()
    {
        var user = await NewUserAsync();
        var sub = "sub-" + user.Id;
        Assert.IsTrue(await Identities.LinkAsync(new UserIdentity(user.Id, Issuer, sub, Now), Audit(user.Id)));
        Assert.IsTrue(await Users.UpdateAsync(user with { Active = false }, Audit(user.Id)));

        Assert.IsFalse((await Identities.FindUserAsync(Issuer, sub))?.Active);
    }
}

[TestClass]
public sealed class SqliteUserIdentityRepositoryTests : UserIdentityRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresUserIdentityRepositoryTests : UserIdentityRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerUserIdentityRepositoryTests : UserIdentityRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
