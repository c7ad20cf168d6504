using Audit.Core.Answers;
using Audit.Core.Rounds;
using Audit.Data.Rounds;

namespace Audit.Data.Answers;

/// <summary>
/// The autosave's write (<see cref="IAnswerRepository.SaveInScopeAsync"/>), in as few statements as the rules allow.
/// The usual case, an answer edited again in a participation already in progress, is BEGIN, one read of the scope, the
/// guarded UPDATE, the history row and audit event in one command, COMMIT: five commands on one connection. The first
/// answer to a question and the first edit of an invited or returned participation take the general path (EditGate,
/// insert), which needs a few more.
/// </summary>
public sealed partial class AnswerRepository
{
    public Task<AnswerSaveResult?> SaveInScopeAsync(
        string participationId, string questionKey, Func<AnswerScopeRead?, Task<AnswerWrite?>> decide, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var scope = await ReadScopeAsync(c, t, participationId, questionKey, cancellationToken);
            if (await decide(scope) is not { } write)
            {
                return (false, (AnswerSaveResult?)null);
            }
            var result = write.ExpectedVersion is > 0 && scope is { Participation.Status: ParticipationStatus.InProgress, Round.Round.Status: RoundStatus.Open }
                ? await GuardedUpdateAsync(c, t, participationId, write, actor, actorId, now, cancellationToken)
                : await WriteThroughGateAsync(c, t, participationId, write, actor, actorId, now, cancellationToken);
            return (result.Saved, result);
        }, cancellationToken);
    }

    private async Task<AnswerScopeRead?> ReadScopeAsync(
        DbConnection c, DbTransaction t, string participationId, string questionKey, CancellationToken cancellationToken)
    {
        var rows = await c.QueryAsync<ParticipationRepository.ParticipationRow, RoundRepository.RoundRow, AnswerRow?, AnswerScopeRead>(
            new CommandDefinition(_sql.ScopeRead, new { participation_id = participationId, question_key = questionKey }, t,
                cancellationToken: cancellationToken),
            (participation, round, answer) => new AnswerScopeRead(participation.ToRecord(), round.ToRecord(), answer?.ToRecord()),
            splitOn: "id,ParticipationId");
        return rows.SingleOrDefault();
    }

    /// <summary>
    /// Compare-and-set with the editability folded in; only when no row was updated is the reason read: no longer
    /// editable (409, with the rules' reason) or a colleague's version (412, with the answer as it now is).
    /// </summary>
    private async Task<AnswerSaveResult> GuardedUpdateAsync(
        DbConnection c, DbTransaction t, string participationId, AnswerWrite write, Actor actor, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var key = write.QuestionKey;
        var version = write.ExpectedVersion!.Value + 1;
        var updated = await c.ExecuteAsync(new CommandDefinition(_sql.GuardedUpdate, new
        {
            participation_id = participationId,
            question_key = key,
            value_json = write.ValueJson,
            comment = write.Comment,
            prefilled = false,
            version,
            updated_by = actorId,
            updated_at = now,
            expected = write.ExpectedVersion,
            editing = ParticipationStatus.InProgress.ToWireName(),
            open = RoundStatus.Open.ToWireName(),
        }, t, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            var state = await ParticipationState.ReadAsync(c, t, _state, participationId, cancellationToken);
            if (state is null)
            {
                return new AnswerSaveResult(AnswerSaveOutcome.NotFound, key, null);
            }
            var check = ParticipationRules.CanEditAnswers(state.Round, state.ParticipationStatus);
            return check.IsAllowed
                ? new AnswerSaveResult(AnswerSaveOutcome.VersionMismatch, key, await GetAsync(c, t, participationId, key, cancellationToken))
                : new AnswerSaveResult(AnswerSaveOutcome.NotEditable, key, null, check.Reason);
        }
        var saved = new AnswerRecord(participationId, key, write.ValueJson, write.Comment, false, version, actorId, now);
        var parameters = new DynamicParameters(actor.Did("answer.saved", "participation", participationId, now, $"{key} v{version}"));
        parameters.AddDynamicParams(new
        {
            participation_id = participationId,
            question_key = key,
            version,
            value_json = write.ValueJson,
            comment = write.Comment,
            prefilled = false,
            updated_by = actorId,
            updated_at = now,
        });
        await c.ExecuteAsync(new CommandDefinition(_sql.InsertVersionAndAudit, parameters, t, cancellationToken: cancellationToken));
        return new AnswerSaveResult(AnswerSaveOutcome.Saved, key, saved);
    }

    /// <summary>The general path: EditGate moves the participation to in_progress where needed, then the write as a batch does it.</summary>
    private async Task<AnswerSaveResult> WriteThroughGateAsync(
        DbConnection c, DbTransaction t, string participationId, AnswerWrite write, Actor actor, string actorId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var access = await EditGate.EnterAsync(c, t, _state, participationId, actor, now, cancellationToken);
        if (!access.Editable)
        {
            return Refused(access, write.QuestionKey);
        }
        var result = await WriteAsync(c, t, participationId, write, actorId, now, cancellationToken);
        if (result.Saved)
        {
            await AuditSavedAsync(c, t, actor, result.Answer!, cancellationToken);
        }
        return result;
    }
}
