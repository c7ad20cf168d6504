using System.Security.Cryptography;
using System.Text;
using Audit.Core.Reports;
using Audit.Data.Connections;
using Audit.Data.Reports;

namespace Audit.Data.Tests.Reports;

/// <summary>Stored report files are kept per fingerprint, never replaced, and stored once under concurrency on every engine.</summary>
public abstract class RenderedReportRepositoryContract : EngineTestBase
{
    private RenderedReportRepository Reports => new(Factory);

    private static RenderedReportKey Key(string roundId, string fingerprint = "sha256:f1", string format = "html", string language = "nl") =>
        new(roundId, ReportKinds.Sector, "universiteit", language, format, fingerprint);

    private static StoredReport File(RenderedReportKey key, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new StoredReport(key, key.Format == "pdf" ? "application/pdf" : "text/html; charset=utf-8", bytes,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), "sha256:templates", "universiteit=sha256:view", Fixtures.Now);
    }

    [TestMethod]
    public async Task A_stored_file_comes_back_byte_for_byte_with_its_provenance()
    {
        var round = await Fixtures.NewStoredRoundAsync(Factory);
        var key = Key(round.Id);
        var file = File(key, "<p>Sectorbeeld ✓ — één</p>") with { Content = [0, 255, .. "%PDF"u8, 0x80] };

        Assert.IsTrue(await Reports.StoreAsync(file, Fixtures.Change("report.rendered", "round", round.Id)));

        var stored = await Reports.GetAsync(key);
        Assert.IsNotNull(stored);
        Assert.AreSequenceEqual(file.Content, stored.Content);
        Assert.AreEqual(key, stored.Key);
        Assert.AreEqual(file.ContentType, stored.ContentType);
        Assert.AreEqual(file.Sha256, stored.Sha256);
        Assert.AreEqual("sha256:templates", stored.TemplateVersion);
        Assert.AreEqual("universiteit=sha256:view", stored.SectorFingerprints);
        Assert.AreEqual(Fixtures.Now, stored.RenderedAt);
        Assert.IsTrue(await Reports.ExistsAsync(key));
        Assert.AreEqual(1, await Fixtures.AuditEventsAsync(Factory, round.Id, "report.rendered"));
    }

    [TestMethod]
    public async Task The_same_key_twice_keeps_the_first_bytes_and_records_one_event()
    {
        var round = await Fixtures.NewStoredRoundAsync(Factory);
        var key = Key(round.Id);

        Assert.IsTrue(await Reports.StoreAsync(File(key, "first"), Fixtures.Change("report.rendered", "round", round.Id)));
        Assert.IsFalse(await Reports.StoreAsync(File(key, "second"), Fixtures.Change("report.rendered", "round", round.Id)));

        Assert.AreEqual("first", Encoding.UTF8.GetString((await Reports.GetAsync(key))!.Content));
        Assert.HasCount(1, await Reports.ListAsync(round.Id));
        Assert.AreEqual(1, await Fixtures.AuditEventsAsync(Factory, round.Id, "report.rendered"));
    }

    [TestMethod]
    public async Task Another_fingerprint_language_or_format_is_another_file()
    {
        var round = await Fixtures.NewStoredRoundAsync(Factory);
        var keys = new[]
        {
            Key(round.Id), Key(round.Id, fingerprint: "sha256:f2"), Key(round.Id, language: "en"), Key(round.Id, format: "pdf"),
            Key(round.Id) with { Kind = ReportKinds.Feedback, Subject = "p_1" },
        };

        foreach (var key in keys)
        {
            Assert.IsTrue(await Reports.StoreAsync(File(key, key.ToString()), Fixtures.Change("report.rendered", "round", round.Id)));
        }

        var list = await Reports.ListAsync(round.Id);
        Assert.HasCount(keys.Length, list);
        Assert.AreSequenceEqual(keys.Select(k => k.ToString()).Order().ToArray(), list.Select(r => r.Key.ToString()).Order().ToArray());
        Assert.IsNull(await Reports.GetAsync(Key(round.Id, fingerprint: "sha256:unknown")));
        Assert.IsFalse(await Reports.ExistsAsync(Key(round.Id, fingerprint: "sha256:unknown")));
        Assert.AreEqual(Encoding.UTF8.GetByteCount(keys[0].ToString()), list.Single(r => r.Key == keys[0]).Length);
        Assert.IsEmpty(await Reports.ListAsync(Fixtures.NewId("r")));
    }

    [TestMethod]
    public async Task Concurrent_stores_of_the_same_key_store_it_once()
    {
        var round = await Fixtures.NewStoredRoundAsync(Factory);
        var key = Key(round.Id, format: "pdf");

        var stored = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            Reports.StoreAsync(File(key, $"render {i}"), Fixtures.Change("report.rendered", "round", round.Id)))));

        Assert.ContainsSingle(s => s, stored);
        Assert.HasCount(1, await Reports.ListAsync(round.Id));
        Assert.AreEqual(1, await Fixtures.AuditEventsAsync(Factory, round.Id, "report.rendered"));
    }

    [TestMethod]
    public async Task A_file_must_belong_to_an_existing_round()
    {
        var round = Fixtures.NewId("r");
        await Assert.ThrowsAsync<System.Data.Common.DbException>(() =>
            Reports.StoreAsync(File(Key(round), "orphan"), Fixtures.Change("report.rendered", "round", round)));
    }
}

[TestClass]
public sealed class SqliteRenderedReportRepositoryTests : RenderedReportRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresRenderedReportRepositoryTests : RenderedReportRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerRenderedReportRepositoryTests : RenderedReportRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
