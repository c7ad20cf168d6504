using Audit.Core.Answers;
using Audit.Core.Institutions;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Data.Answers;
using Audit.Data.Connections;
using Audit.Data.Reviews;
using Audit.Data.Rounds;
using static Audit.Data.Tests.CollectionFixtures;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Answers;

/// <summary>Writers that meet: one holds the database while another waits (see <c>SqliteWriters</c>).</summary>
public abstract partial class AnswerRepositoryContract
{
    [TestMethod]
    public async Task A_writer_waiting_while_another_holds_the_database_can_be_cancelled_and_the_holder_still_commits()
    {
        // On SQLite the waiting writer queues in the process (not in SQLite's busy handler, which ignores the token and
        // would keep it until its 30 s timeout); elsewhere it does not wait at all. Either way it ends while the first holds.
        var p = await InvitedAsync(Factory);
        await Answers.SaveAsync(p.Id, Write("k", "1"), Respondent, Now);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Answers.SaveInScopeAsync(p.Id, "k", async _ =>
        {
            entered.SetResult();
            await hold.Task;
            return Write("k", "2", expected: 1);
        }, Respondent, Now.AddMinutes(1));
        await entered.Task;
        using var cancel = new CancellationTokenSource();
        var secondRan = false;
        var second = Task.Run(() => Answers.SaveInScopeAsync(p.Id, "other", _ =>
        {
            secondRan = true;
            return Task.FromResult<AnswerWrite?>(null);
        }, Colleague, Now.AddMinutes(1), cancel.Token));
        // Cancelled once it has had time to reach the wait; cancelled earlier it simply never starts, which passes too.
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        var ended = await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(20)));
        hold.SetResult();

        Assert.AreSame(second, ended, "the waiting writer did not end while the first held the database");
        var cancelled = false;
        AnswerSaveResult? secondResult = null;
        try
        {
            secondResult = await second;
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }
        Assert.IsNull(secondResult, "the second writer decided to write nothing");
        Assert.IsTrue(!cancelled || !secondRan, "a cancelled writer never ran");
        Assert.AreEqual(AnswerSaveOutcome.Saved, (await first)!.Outcome);
        var third = await Answers.SaveInScopeAsync(p.Id, "k", _ => Task.FromResult<AnswerWrite?>(Write("k", "3", expected: 2)), Respondent, Now.AddMinutes(2));
        Assert.AreEqual(AnswerSaveOutcome.Saved, third!.Outcome, "the turn was handed on");
    }
}
