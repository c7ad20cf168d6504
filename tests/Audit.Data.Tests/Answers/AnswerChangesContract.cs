using Audit.Core.Answers;
using Audit.Core.Rounds;
using Audit.Data.Answers;
using Audit.Data.Connections;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Answers;

/// <summary>Writes and clears in one transaction, as a page saves a whole theme: all of it or none of it.</summary>
public abstract class AnswerChangesContract : EngineTestBase
{
    private AnswerRepository Answers => new(Factory);

    [TestMethod]
    public async Task Writes_and_clears_are_saved_together_with_history_and_audit_events()
    {
        var p = await InvitedAsync(Factory);
        await SaveAllAsync(Factory, p.Id, Write("a", "1"), Write("b", "\"yes\""));

        var result = await Answers.SaveChangesAsync(p.Id, [Write("a", "2", expected: 1), Write("c", "3", expected: 0)], [new AnswerClear("b", 1)],
            Colleague, Now.AddMinutes(5));

        Assert.AreEqual(AnswerBatchOutcome.Saved, result.Outcome);
        Assert.AreSequenceEqual(new[] { ("a", 2), ("c", 1), ("b", 1) }, result.Items.Select(i => (i.QuestionKey, i.Answer!.Version)).ToList());
        Assert.AreEqual("\"yes\"", result.Items[2].Answer!.ValueJson, "a cleared item carries the removed answer");
        Assert.AreSequenceEqual(new[] { ("a", "2"), ("c", "3") }, (await Answers.ListAsync(p.Id)).Select(a => (a.QuestionKey, a.ValueJson)).ToList());
        var history = await Answers.HistoryAsync(p.Id, "b");
        Assert.AreEqual((2, (string?)null, "u_colleague"), (history[0].Version, history[0].ValueJson, history[0].ChangedBy));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, p.Id, "answer.deleted"));
        Assert.AreEqual(4, await AuditEventsAsync(Factory, p.Id, "answer.saved"));
    }

    [TestMethod]
    public async Task A_stale_clear_or_write_saves_nothing_and_names_the_current_answers()
    {
        var p = await InvitedAsync(Factory);
        await SaveAllAsync(Factory, p.Id, Write("a", "1"), Write("b", "1"));
        await Answers.SaveAsync(p.Id, Write("b", "2", expected: 1), Colleague, Now);
        var before = await Answers.ListAsync(p.Id);

        var result = await Answers.SaveChangesAsync(p.Id, [Write("a", "5", expected: 1)], [new AnswerClear("b", 1), new AnswerClear("gone", 3)],
            Respondent, Now.AddMinutes(1));

        Assert.AreEqual(AnswerBatchOutcome.ItemsFailed, result.Outcome);
        Assert.AreSequenceEqual(
            new[] { AnswerSaveOutcome.RolledBack, AnswerSaveOutcome.VersionMismatch, AnswerSaveOutcome.VersionMismatch },
            result.Items.Select(i => i.Outcome).ToList());
        Assert.AreEqual("2", result.Items[1].Answer?.ValueJson, "the colleague's answer comes with the mismatch");
        Assert.IsNull(result.Items[2].Answer, "an answer that is gone already");
        Assert.AreSequenceEqual(before.ToList(), (await Answers.ListAsync(p.Id)).ToList());
        Assert.AreEqual(0, await AuditEventsAsync(Factory, p.Id, "answer.deleted"));
    }

    [TestMethod]
    public async Task An_empty_set_changes_nothing_and_one_key_is_never_written_and_cleared_at_once()
    {
        var p = await InvitedAsync(Factory);

        var empty = await Answers.SaveChangesAsync(p.Id, [], [], Respondent, Now);

        Assert.AreEqual(AnswerBatchOutcome.Saved, empty.Outcome);
        Assert.AreEqual(ParticipationStatus.Invited, await StatusAsync(Factory, p.Id));
        await Assert.ThrowsExactlyAsync<ArgumentException>(() => Answers.SaveChangesAsync(p.Id, [Write("a", "1")], [new AnswerClear("a", 1)], Respondent, Now));
    }
}

[TestClass]
public sealed class SqliteAnswerChangesTests : AnswerChangesContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresAnswerChangesTests : AnswerChangesContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerAnswerChangesTests : AnswerChangesContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
