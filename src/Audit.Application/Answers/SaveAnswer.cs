namespace Audit.Application.Answers;

/// <summary>
/// Writes one answer without lost updates: an existing answer needs the version edited (else "precondition
/// required"), a colleague's newer version makes it stale. Validated with Core first (all errors), refused unless the
/// participation is editable. Everything is decided inside the write's transaction, over what it read there (the
/// participation, its round, the current answer): the autosave's path is one connection and a handful of statements.
/// The repository folds the editability into its guarded write, moves invited → in_progress and records the audit event.
/// </summary>
public sealed class SaveAnswer(ParticipationScopes scopes, IAnswerRepository answers, TimeProvider clock)
{
    public async Task<Outcome<AnswerRecord>> ExecuteAsync(
        Caller caller, string participationId, string questionKey, AnswerEdit edit, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        Failure? refusal = null;
        var result = await answers.SaveInScopeAsync(participationId, questionKey, async read =>
        {
            refusal = await DecideAsync(caller, participationId, questionKey, edit, ifMatch, read, cancellationToken);
            return refusal is null ? new AnswerWrite(questionKey, AnswerInput.Canonical(edit.Value), edit.Comment, Expected(ifMatch, read)) : null;
        }, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        if (result is null)
        {
            return refusal ?? throw new InvalidOperationException("The answer write was refused without a reason.");
        }
        return result.Outcome switch
        {
            AnswerSaveOutcome.Saved => result.Answer!,
            AnswerSaveOutcome.NotFound => ParticipationScopes.NotFound(participationId),
            AnswerSaveOutcome.NotEditable => new Failure.Conflict(result.Reason ?? AnswerRefusals.NotEditableNow),
            _ => AnswerRefusals.Stale(result.Outcome, result.QuestionKey, result.Answer),
        };
    }

    /// <summary>The rules, in the order a caller meets them: scope, If-Match syntax, every validation error, editability, version.</summary>
    private async Task<Failure?> DecideAsync(
        Caller caller, string participationId, string questionKey, AnswerEdit edit, VersionPrecondition ifMatch, AnswerScopeRead? read,
        CancellationToken cancellationToken)
    {
        var found = await scopes.EditableByAsync(participationId, read?.Participation, read?.Round, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        var errors = new Dictionary<string, string[]>();
        var valueErrors = AnswerInput.Check(scope.Questionnaire, questionKey, edit.Value, edit.Comment, out var commentErrors);
        if (valueErrors.Count > 0) errors["value"] = [.. valueErrors];
        if (commentErrors.Count > 0) errors["comment"] = [.. commentErrors];
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return new Failure.Conflict(scope.CanEditAnswers.Reason!);
        }
        // If-Match may name several versions or *: the one that matches now is the version the guarded write expects.
        if (ifMatch.IsPresent && ifMatch.MatchFor(read!.Current?.Version) is null)
        {
            return AnswerRefusals.Stale(AnswerSaveOutcome.VersionMismatch, questionKey, read.Current);
        }
        return null;
    }

    private static int? Expected(VersionPrecondition ifMatch, AnswerScopeRead? read) =>
        ifMatch.IsPresent ? ifMatch.MatchFor(read?.Current?.Version) : null;
}
