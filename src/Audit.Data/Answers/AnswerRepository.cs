using Audit.Core.Answers;
using Audit.Core.Rounds;
using Audit.Data.Rounds;

namespace Audit.Data.Answers;

public sealed partial class AnswerRepository(IDbConnectionFactory factory) : IAnswerRepository
{
    private readonly AnswerSql _sql = new(factory.Dialect);
    private readonly ParticipationStateSql _state = new(factory.Dialect);

    public async Task<IReadOnlyList<AnswerRecord>> ListAsync(string participationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await ListAsync(connection, null, participationId, cancellationToken);
    }

    public async Task<AnswerRecord?> GetAsync(string participationId, string questionKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, participationId, questionKey, cancellationToken);
    }

    public Task<AnswerSaveResult> SaveAsync(
        string participationId, AnswerWrite write, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var access = await EditGate.EnterAsync(c, t, _state, participationId, actor, now, cancellationToken);
            if (!access.Editable)
            {
                return (false, Refused(access, write.QuestionKey));
            }
            var result = await WriteAsync(c, t, participationId, write, actorId, now, cancellationToken);
            if (result.Saved)
            {
                await AuditSavedAsync(c, t, actor, result.Answer!, cancellationToken);
            }
            return (result.Saved, result);
        }, cancellationToken);
    }

    public Task<AnswerBatchResult> SaveBatchAsync(
        string participationId, IReadOnlyList<AnswerWrite> writes, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        SaveChangesAsync(participationId, writes, [], actor, now, cancellationToken);

    public Task<AnswerDeleteResult> DeleteAsync(
        string participationId, string questionKey, int expectedVersion, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var access = await EditGate.EnterAsync(c, t, _state, participationId, actor, now, cancellationToken);
            if (!access.Editable)
            {
                return (false, new AnswerDeleteResult(access.Refused(AnswerDeleteOutcome.NotFound, AnswerDeleteOutcome.NotEditable), null, access.Reason));
            }
            var clear = new AnswerClear(questionKey, expectedVersion);
            var result = await ClearAsync(c, t, participationId, clear, actorId, now, cancellationToken);
            if (!result.Saved)
            {
                return (false, new AnswerDeleteResult(result.Answer is null ? AnswerDeleteOutcome.NotFound : AnswerDeleteOutcome.VersionMismatch, result.Answer));
            }
            await AuditClearedAsync(c, t, actor, participationId, clear, now, cancellationToken);
            return (true, new AnswerDeleteResult(AnswerDeleteOutcome.Deleted, result.Answer));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<AnswerVersion>> HistoryAsync(string participationId, string questionKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            _sql.History, new { participation_id = participationId, question_key = questionKey }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToVersion()).ToList();
    }

    public Task<PrefillResult> PrefillAsync(
        string participationId, string baselineParticipationId, IReadOnlyCollection<string> comparableKeys, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        var keys = comparableKeys.ToHashSet(StringComparer.Ordinal);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var access = await EditGate.EnterAsync(c, t, _state, participationId, actor, now, cancellationToken);
            if (!access.Editable)
            {
                return (false, new PrefillResult(access.Refused(PrefillOutcome.NotFound, PrefillOutcome.NotEditable), [], access.Reason));
            }
            var target = await ParticipationState.ReadAsync(c, t, _state, participationId, cancellationToken);
            var baseline = await ParticipationState.ReadAsync(c, t, _state, baselineParticipationId, cancellationToken);
            // Only the same institution's own accepted answers: anything else would leak or copy unreviewed data.
            if (baseline is null || baseline.InstitutionId != target!.InstitutionId || baseline.ParticipationStatus != ParticipationStatus.Accepted)
            {
                return (false, new PrefillResult(PrefillOutcome.BaselineNotUsable, [],
                    "The baseline must be an accepted participation of the same institution."));
            }
            var present = (await ListAsync(c, t, participationId, cancellationToken)).Select(a => a.QuestionKey).ToHashSet(StringComparer.Ordinal);
            var copied = new List<string>();
            foreach (var source in await ListAsync(c, t, baselineParticipationId, cancellationToken))
            {
                if (!keys.Contains(source.QuestionKey) || present.Contains(source.QuestionKey))
                {
                    continue;
                }
                var version = await NextVersionAsync(c, t, participationId, source.QuestionKey, cancellationToken);
                if (await InsertAsync(c, t, participationId, source.QuestionKey, source.ValueJson, source.Comment, true, version, actorId, now, cancellationToken))
                {
                    copied.Add(source.QuestionKey);
                }
            }
            if (copied.Count == 0)
            {
                // Nothing changed, so nothing is committed: not even the move to in_progress.
                return (false, new PrefillResult(PrefillOutcome.Prefilled, []));
            }
            await AuditEventRepository.WriteAsync(c, t,
                actor.Did("answers.prefilled", "participation", participationId, now, $"{copied.Count} from {baselineParticipationId}"), cancellationToken);
            return (true, new PrefillResult(PrefillOutcome.Prefilled, copied));
        }, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountAnsweredAsync(
        IReadOnlyCollection<string> participationIds, CancellationToken cancellationToken = default)
    {
        var counts = participationIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        if (counts.Count == 0)
        {
            return counts;
        }
        await using var connection = await factory.OpenAsync(cancellationToken);
        foreach (var slice in IdLists.Slices(counts.Keys.ToList()))
        {
            var rows = await connection.QueryAsync<CountRow>(
                new CommandDefinition(_sql.CountAnswered(slice.Length), IdLists.Bind(slice), cancellationToken: cancellationToken));
            foreach (var row in rows)
            {
                counts[row.ParticipationId] = (int)row.Answered;
            }
        }
        return counts;
    }

    /// <summary>
    /// With an expected version: compare-and-set. Expecting no answer (0) or naming no version (null): insert, refused
    /// when the answer already exists, as a mismatch (412) or a missing precondition (428) respectively. A concurrent
    /// creator that wins the insert race makes this writer's view stale, which is a mismatch either way.
    /// </summary>
    private async Task<AnswerSaveResult> WriteAsync(
        DbConnection c, DbTransaction t, string participationId, AnswerWrite write, string actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = write.QuestionKey;
        int version;
        if (write.ExpectedVersion is { } expected and > 0)
        {
            version = expected + 1;
            var updated = await c.ExecuteAsync(new CommandDefinition(_sql.Update, new
            {
                participation_id = participationId,
                question_key = key,
                value_json = write.ValueJson,
                comment = write.Comment,
                prefilled = false,
                version,
                updated_by = actorId,
                updated_at = now,
                expected,
            }, t, cancellationToken: cancellationToken));
            if (updated != 1)
            {
                return new AnswerSaveResult(AnswerSaveOutcome.VersionMismatch, key, await GetAsync(c, t, participationId, key, cancellationToken));
            }
            await InsertVersionAsync(c, t, participationId, key, version, write.ValueJson, write.Comment, false, actorId, now, cancellationToken);
        }
        else
        {
            if (await GetAsync(c, t, participationId, key, cancellationToken) is { } existing)
            {
                var outcome = write.ExpectedVersion is null ? AnswerSaveOutcome.PreconditionRequired : AnswerSaveOutcome.VersionMismatch;
                return new AnswerSaveResult(outcome, key, existing);
            }
            version = await NextVersionAsync(c, t, participationId, key, cancellationToken);
            if (!await InsertAsync(c, t, participationId, key, write.ValueJson, write.Comment, false, version, actorId, now, cancellationToken))
            {
                return new AnswerSaveResult(AnswerSaveOutcome.VersionMismatch, key, await GetAsync(c, t, participationId, key, cancellationToken));
            }
        }
        return new AnswerSaveResult(AnswerSaveOutcome.Saved, key,
            new AnswerRecord(participationId, key, write.ValueJson, write.Comment, false, version, actorId, now));
    }

    /// <summary>Inserts a new answer and its first history entry; false (nothing written) when the answer exists.</summary>
    private async Task<bool> InsertAsync(
        DbConnection c, DbTransaction t, string participationId, string questionKey, string valueJson, string? comment, bool prefilled, int version,
        string actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = await c.ExecuteAsync(new CommandDefinition(_sql.Insert, new
        {
            participation_id = participationId,
            question_key = questionKey,
            value_json = valueJson,
            comment,
            prefilled,
            version,
            updated_by = actorId,
            updated_at = now,
        }, t, cancellationToken: cancellationToken)) == 1;
        if (inserted)
        {
            await InsertVersionAsync(c, t, participationId, questionKey, version, valueJson, comment, prefilled, actorId, now, cancellationToken);
        }
        return inserted;
    }

    private Task InsertVersionAsync(
        DbConnection c, DbTransaction t, string participationId, string questionKey, int version, string? valueJson, string? comment, bool prefilled,
        string actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        c.ExecuteAsync(new CommandDefinition(_sql.InsertVersion, new
        {
            participation_id = participationId,
            question_key = questionKey,
            version,
            value_json = valueJson,
            comment,
            prefilled,
            updated_by = actorId,
            updated_at = now,
        }, t, cancellationToken: cancellationToken));

    private async Task<int> NextVersionAsync(DbConnection c, DbTransaction t, string participationId, string questionKey, CancellationToken cancellationToken) =>
        (int)await c.ExecuteScalarAsync<long>(new CommandDefinition(
            _sql.NextVersion, new { participation_id = participationId, question_key = questionKey }, t, cancellationToken: cancellationToken));

    private static Task AuditSavedAsync(DbConnection c, DbTransaction t, Actor actor, AnswerRecord saved, CancellationToken cancellationToken) =>
        AuditEventRepository.WriteAsync(c, t,
            actor.Did("answer.saved", "participation", saved.ParticipationId, saved.UpdatedAt, $"{saved.QuestionKey} v{saved.Version}"), cancellationToken);

    private static AnswerSaveResult Refused(EditGate.Access access, string questionKey) =>
        new(access.Refused(AnswerSaveOutcome.NotFound, AnswerSaveOutcome.NotEditable), questionKey, null, access.Reason);

    /// <summary>In ordinal key order, sorted here: engines collate text differently.</summary>
    private async Task<IReadOnlyList<AnswerRecord>> ListAsync(DbConnection c, DbTransaction? t, string participationId, CancellationToken cancellationToken) =>
        (await c.QueryAsync<AnswerRow>(new CommandDefinition(_sql.List, new { participation_id = participationId }, t, cancellationToken: cancellationToken)))
        .Select(r => r.ToRecord()).OrderBy(a => a.QuestionKey, StringComparer.Ordinal).ToList();

    private async Task<AnswerRecord?> GetAsync(DbConnection c, DbTransaction? t, string participationId, string questionKey, CancellationToken cancellationToken) =>
        (await c.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition(
            _sql.Get, new { participation_id = participationId, question_key = questionKey }, t, cancellationToken: cancellationToken)))?.ToRecord();
}
