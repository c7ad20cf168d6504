using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Data.Answers;
using Audit.Data.Connections;
using Audit.Data.Rounds;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Rounds;

public abstract class RoundProgressQueryContract : EngineTestBase
{
    [TestMethod]
    public async Task Progress_lists_every_participation_with_answered_count_and_last_activity()
    {
        var round = await OpenRoundAsync(Factory);
        var idle = await InvitedAsync(Factory, round, InstitutionType.Umc);
        var busy = await InvitedAsync(Factory, round, InstitutionType.Hogeschool);
        var done = await InvitedAsync(Factory, round, InstitutionType.Hogeschool);
        await new AnswerRepository(Factory).SaveBatchAsync(busy.Id, [Write("a", "1"), Write("b", "2")], Respondent, Now.AddHours(1));
        await new AnswerRepository(Factory).DeleteAsync(busy.Id, "b", 1, Respondent, Now.AddHours(2));
        await new AnswerRepository(Factory).SaveAsync(done.Id, Write("a", "1"), Respondent, Now.AddHours(1));
        await SubmitAsync(Factory, done.Id, ParticipationStatus.InProgress, Now.AddHours(3));

        var progress = await new RoundProgressQuery(Factory).ListAsync(round.Id);

        var expected = new[]
        {
            new ParticipationProgress(idle.Id, idle.InstitutionId, idle.InstitutionName, InstitutionType.Umc, ParticipationStatus.Invited, 0, null),
            new ParticipationProgress(busy.Id, busy.InstitutionId, busy.InstitutionName, InstitutionType.Hogeschool, ParticipationStatus.InProgress, 1,
                Now.AddHours(2)),
            new ParticipationProgress(done.Id, done.InstitutionId, done.InstitutionName, InstitutionType.Hogeschool, ParticipationStatus.Submitted, 1,
                Now.AddHours(3)),
        }.OrderBy(p => p.InstitutionId, StringComparer.Ordinal).ToList();
        Assert.AreSequenceEqual(expected, progress.ToList());
        Assert.IsEmpty(await new RoundProgressQuery(Factory).ListAsync(NewId("r")));
    }
}

[TestClass]
public sealed class SqliteRoundProgressQueryTests : RoundProgressQueryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresRoundProgressQueryTests : RoundProgressQueryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerRoundProgressQueryTests : RoundProgressQueryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
