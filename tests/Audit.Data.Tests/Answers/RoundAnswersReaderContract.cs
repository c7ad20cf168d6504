using Audit.Core.Answers;
using Audit.Core.Institutions;
using Audit.Data.Answers;
using Audit.Data.Connections;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Answers;

public abstract class RoundAnswersReaderContract : EngineTestBase
{
    [TestMethod]
    public async Task Answers_of_a_round_come_one_participation_at_a_time_with_current_values_only()
    {
        var round = await OpenRoundAsync(Factory);
        var other = await OpenRoundAsync(Factory);
        var idle = await InvitedAsync(Factory, round, InstitutionType.Umc);
        var busy = await InvitedAsync(Factory, round, InstitutionType.Hogeschool);
        var done = await InvitedAsync(Factory, round, InstitutionType.Universiteit);
        var elsewhere = await InvitedAsync(Factory, other, InstitutionType.Universiteit);
        var answers = new AnswerRepository(Factory);
        await answers.SaveBatchAsync(busy.Id, [Write("a", "1"), Write("b", "2"), Write("c", "\"x\"")], Respondent, Now.AddHours(1));
        await answers.DeleteAsync(busy.Id, "b", 1, Respondent, Now.AddHours(2));
        await answers.SaveAsync(busy.Id, Write("a", "3", expected: 1), Respondent, Now.AddHours(3));
        await answers.SaveAsync(done.Id, Write("a", "4"), Respondent, Now.AddHours(1));
        await answers.SaveAsync(elsewhere.Id, Write("a", "5"), Respondent, Now.AddHours(1));

        var streamed = new List<ParticipationAnswerValues>();
        await foreach (var item in new RoundAnswersReader(Factory).StreamAsync(round.Id))
        {
            streamed.Add(item);
        }

        var byId = streamed.ToDictionary(s => s.ParticipationId, s => s.ValuesJson, StringComparer.Ordinal);
        Assert.HasCount(2, streamed, "one item per participation with answers; the idle one and the other round's are absent");
        Assert.IsFalse(byId.ContainsKey(idle.Id));
        Assert.AreSequenceEqual(new[] { "a", "c" }, byId[busy.Id].Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.AreEqual("3", byId[busy.Id]["a"]);
        Assert.AreEqual("\"x\"", byId[busy.Id]["c"]);
        Assert.AreEqual("4", byId[done.Id]["a"]);
        await foreach (var item in new RoundAnswersReader(Factory).StreamAsync(NewId("r")))
        {
            Assert.Fail($"an unknown round has no answers, got {item.ParticipationId}");
        }
    }
}

[TestClass]
public sealed class SqliteRoundAnswersReaderTests : RoundAnswersReaderContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresRoundAnswersReaderTests : RoundAnswersReaderContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerRoundAnswersReaderTests : RoundAnswersReaderContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
