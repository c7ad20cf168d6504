using Audit.Core.Answers;
using Audit.Data.Rounds;

namespace Audit.Data.Answers;

/// <summary>Sets of answer changes in one transaction: the API's batches (writes only) and the pages' theme forms (writes and clears).</summary>
public sealed partial class AnswerRepository
{
    public Task<AnswerBatchResult> SaveChangesAsync(
        string participationId, IReadOnlyList<AnswerWrite> writes, IReadOnlyList<AnswerClear> clears, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var both = writes.Select(w => w.QuestionKey).Intersect(clears.Select(c => c.QuestionKey), StringComparer.Ordinal).ToList();
        if (both.Count > 0)
        {
            throw new ArgumentException($"An answer cannot be written and cleared at once: {string.Join(", ", both)}.", nameof(clears));
        }
        var actorId = ParticipationState.ActorId(actor);
        var keys = writes.Select(w => w.QuestionKey).Concat(clears.Select(c => c.QuestionKey)).ToList();
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var access = await EditGate.EnterAsync(c, t, _state, participationId, actor, now, cancellationToken);
            if (!access.Editable)
            {
                var outcome = access.Refused(AnswerBatchOutcome.NotFound, AnswerBatchOutcome.NotEditable);
                return (false, new AnswerBatchResult(outcome, keys.Select(k => Refused(access, k)).ToList(), access.Reason));
            }
            if (keys.Count == 0)
            {
                return (false, new AnswerBatchResult(AnswerBatchOutcome.Saved, [])); // nothing to write, not even the move to in_progress
            }
            // Rows are locked in key order, so two sets over overlapping keys cannot deadlock each other.
            var results = new AnswerSaveResult[keys.Count];
            foreach (var (key, index) in keys.Select((k, i) => (k, i)).OrderBy(x => x.k, StringComparer.Ordinal).ThenBy(x => x.i))
            {
                results[index] = index < writes.Count
                    ? await WriteAsync(c, t, participationId, writes[index], actorId, now, cancellationToken)
                    : await ClearAsync(c, t, participationId, clears[index - writes.Count], actorId, now, cancellationToken);
            }
            if (results.Any(r => !r.Saved))
            {
                var items = results.Select(r => r.Saved ? new AnswerSaveResult(AnswerSaveOutcome.RolledBack, r.QuestionKey, null) : r).ToList();
                return (false, new AnswerBatchResult(AnswerBatchOutcome.ItemsFailed, items));
            }
            for (var i = 0; i < results.Length; i++)
            {
                if (i < writes.Count)
                {
                    await AuditSavedAsync(c, t, actor, results[i].Answer!, cancellationToken);
                }
                else
                {
                    await AuditClearedAsync(c, t, actor, participationId, clears[i - writes.Count], now, cancellationToken);
                }
            }
            return (true, new AnswerBatchResult(AnswerBatchOutcome.Saved, results));
        }, cancellationToken);
    }

    /// <summary>
    /// Compare-and-delete at the expected version; the history gains a version without a value. Saved carries the removed
    /// answer; a mismatch carries the answer as it now is, or null when there is none.
    /// </summary>
    private async Task<AnswerSaveResult> ClearAsync(
        DbConnection c, DbTransaction t, string participationId, AnswerClear clear, string actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await GetAsync(c, t, participationId, clear.QuestionKey, cancellationToken);
        var key = new { participation_id = participationId, question_key = clear.QuestionKey, expected = clear.ExpectedVersion };
        if (current is null || await c.ExecuteAsync(new CommandDefinition(_sql.Delete, key, t, cancellationToken: cancellationToken)) != 1)
        {
            current = await GetAsync(c, t, participationId, clear.QuestionKey, cancellationToken);
            return new AnswerSaveResult(AnswerSaveOutcome.VersionMismatch, clear.QuestionKey, current);
        }
        await InsertVersionAsync(c, t, participationId, clear.QuestionKey, clear.ExpectedVersion + 1, null, null, false, actorId, now, cancellationToken);
        return new AnswerSaveResult(AnswerSaveOutcome.Saved, clear.QuestionKey, current);
    }

    private static Task AuditClearedAsync(
        DbConnection c, DbTransaction t, Actor actor, string participationId, AnswerClear clear, DateTimeOffset now, CancellationToken cancellationToken) =>
        AuditEventRepository.WriteAsync(c, t,
            actor.Did("answer.deleted", "participation", participationId, now, $"{clear.QuestionKey} v{clear.ExpectedVersion + 1}"), cancellationToken);
}
