using Audit.Core.Access;
using Audit.Data.Access;
using Audit.Data.Connections;

namespace Audit.Data.Tests.Access;

/// <summary>The shared data-protection key ring: stored once per name, read back whole, on every engine.</summary>
public abstract class DataProtectionKeyRepositoryContract : EngineTestBase
{
    private DataProtectionKeyRepository Keys => new(Factory);

    private static string KeyXml(string id) =>
        $"""<key id="{id}" version="1"><creationDate>2026-11-23T10:00:00Z</creationDate><descriptor>ünïcode ✓</descriptor></key>""";

    [TestMethod]
    public void A_stored_key_is_read_back_with_its_xml_and_time()
    {
        var id = "key-" + Guid.NewGuid();
        var before = Keys.ReadAll().Count;

        Assert.IsTrue(Keys.Store(new StoredProtectionKey(id, KeyXml(id), Fixtures.Now)));

        var all = Keys.ReadAll();
        Assert.HasCount(before + 1, all);
        var stored = all.Single(k => k.Id == id);
        Assert.AreEqual(KeyXml(id), stored.Xml);
        Assert.AreEqual(Fixtures.Now, stored.CreatedAt);
    }

    [TestMethod]
    public void Storing_the_same_id_again_changes_nothing()
    {
        var id = "key-" + Guid.NewGuid();
        Assert.IsTrue(Keys.Store(new StoredProtectionKey(id, KeyXml(id), Fixtures.Now)));

        Assert.IsFalse(Keys.Store(new StoredProtectionKey(id, "<key>other</key>", Fixtures.Now.AddDays(1))));

        var stored = Keys.ReadAll().Single(k => k.Id == id);
        Assert.AreEqual(KeyXml(id), stored.Xml, "the first key stays");
        Assert.AreEqual(Fixtures.Now, stored.CreatedAt);
    }

    [TestMethod]
    public void Every_key_is_read_oldest_first()
    {
        var older = "key-" + Guid.NewGuid();
        var newer = "key-" + Guid.NewGuid();
        Keys.Store(new StoredProtectionKey(newer, KeyXml(newer), Fixtures.Now.AddDays(-1)));
        Keys.Store(new StoredProtectionKey(older, KeyXml(older), Fixtures.Now.AddDays(-2)));

        var ids = Keys.ReadAll().Select(k => k.Id).ToList();

        Assert.IsLessThan(ids.IndexOf(newer), ids.IndexOf(older));
    }
}

[TestClass]
public sealed class SqliteDataProtectionKeyRepositoryTests : DataProtectionKeyRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresDataProtectionKeyRepositoryTests : DataProtectionKeyRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerDataProtectionKeyRepositoryTests : DataProtectionKeyRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
