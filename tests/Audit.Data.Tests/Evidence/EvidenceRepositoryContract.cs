using System.Security.Cryptography;
using Audit.Core.Evidence;
using Audit.Core.Rounds;
using Audit.Data.Connections;
using Audit.Data.Evidence;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Evidence;

/// <summary>Evidence metadata: per question, scoped to its participation, editable under the same rule as answers.</summary>
public abstract class EvidenceRepositoryContract : EngineTestBase
{
    private const string Policy = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private const string Scan = "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9";

    private EvidenceRepository Evidence => new(Factory);

    [TestMethod]
    public async Task Evidence_is_added_listed_per_question_and_read_only_within_its_participation()
    {
        var p = await InvitedAsync(Factory);
        var other = await InvitedAsync(Factory);

        var added = await Evidence.AddAsync(Upload(p.Id, "gov.policy", Policy, "beleid.pdf"), Respondent, Now);
        await Evidence.AddAsync(Upload(p.Id, "gov.policy", Scan, "scan.png", EvidenceContent.Png), Respondent, Now.AddMinutes(1));
        await Evidence.AddAsync(Upload(p.Id, "risk.grid", Policy, "beleid-kopie.pdf"), Colleague, Now.AddMinutes(2));

        Assert.AreEqual(EvidenceChangeOutcome.Done, added.Outcome);
        var record = added.Evidence!;
        Assert.StartsWith("e_", record.Id);
        Assert.AreEqual(new EvidenceRecord(record.Id, p.Id, "gov.policy", Policy, "beleid.pdf", EvidenceContent.Pdf, 1234, Respondent.Id!, Now), record);
        Assert.AreEqual(record, await Evidence.GetAsync(p.Id, record.Id));
        Assert.IsNull(await Evidence.GetAsync(other.Id, record.Id), "another participation cannot reach it");
        Assert.AreSequenceEqual(new[] { "beleid.pdf", "scan.png" }, (await Evidence.ListAsync(p.Id, "gov.policy")).Select(e => e.FileName).ToList());
        Assert.HasCount(3, await Evidence.ListAsync(p.Id));
        Assert.IsEmpty(await Evidence.ListAsync(other.Id));
        Assert.AreEqual(ParticipationStatus.InProgress, await StatusAsync(Factory, p.Id), "an upload starts the participation");
        Assert.AreEqual(3, await AuditEventsAsync(Factory, p.Id, "evidence.added"));
    }

    [TestMethod]
    public async Task Deleting_removes_only_that_document_and_shared_content_stays_referenced()
    {
        var p = await InvitedAsync(Factory);
        // Content of this test only: the class database is shared with the other tests.
        var content = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var first = (await Evidence.AddAsync(Upload(p.Id, "a", content, "1.pdf"), Respondent, Now)).Evidence!;
        var second = (await Evidence.AddAsync(Upload(p.Id, "b", content, "2.pdf"), Respondent, Now)).Evidence!;

        var wrongParticipation = await Evidence.DeleteAsync((await InvitedAsync(Factory)).Id, first.Id, Respondent, Now);
        var deleted = await Evidence.DeleteAsync(p.Id, first.Id, Respondent, Now);
        var again = await Evidence.DeleteAsync(p.Id, first.Id, Respondent, Now);

        Assert.AreEqual(EvidenceChangeOutcome.NotFound, wrongParticipation.Outcome);
        Assert.AreEqual(first, deleted.Evidence);
        Assert.AreEqual(EvidenceChangeOutcome.NotFound, again.Outcome);
        Assert.IsTrue(await Evidence.IsContentReferencedAsync(content), "the second document still has this content");
        await Evidence.DeleteAsync(p.Id, second.Id, Respondent, Now);
        Assert.IsFalse(await Evidence.IsContentReferencedAsync(content));
        Assert.AreEqual(2, await AuditEventsAsync(Factory, p.Id, "evidence.deleted"));
    }

    [TestMethod]
    public async Task Evidence_cannot_change_once_submitted()
    {
        var p = await InvitedAsync(Factory);
        var kept = (await Evidence.AddAsync(Upload(p.Id, "a", Policy, "1.pdf"), Respondent, Now)).Evidence!;
        await SubmitAsync(Factory, p.Id, ParticipationStatus.InProgress);

        var add = await Evidence.AddAsync(Upload(p.Id, "a", Scan, "2.png"), Respondent, Now);
        var delete = await Evidence.DeleteAsync(p.Id, kept.Id, Respondent, Now);
        var unknown = await Evidence.AddAsync(Upload(NewId("p_"), "a", Scan, "2.png"), Respondent, Now);

        Assert.AreEqual(EvidenceChangeOutcome.NotEditable, add.Outcome);
        Assert.Contains("submitted", add.Reason!);
        Assert.AreEqual(EvidenceChangeOutcome.NotEditable, delete.Outcome);
        Assert.AreEqual(EvidenceChangeOutcome.NotFound, unknown.Outcome);
        Assert.AreSequenceEqual(new[] { kept }, (await Evidence.ListAsync(p.Id)).ToList());
    }

    private static EvidenceUpload Upload(string participationId, string key, string sha256, string name, string type = EvidenceContent.Pdf) =>
        new(participationId, key, sha256, name, type, 1234);
}

[TestClass]
public sealed class SqliteEvidenceRepositoryTests : EvidenceRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresEvidenceRepositoryTests : EvidenceRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerEvidenceRepositoryTests : EvidenceRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
