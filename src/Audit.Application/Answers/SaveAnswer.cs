namespace Audit.Application.Answers;

/// <summary>
/// Writes one answer without lost updates: an existing answer needs the version edited (else "precondition
/// required"), a colleague's newer version makes it stale. Validated with Core first (all errors), refused unless the
/// participation is editable; the repository checks editability again inside its transaction, moves invited →
/// in_progress and records the audit event.
/// </summary>
public sealed class SaveAnswer(ParticipationScopes scopes, IAnswerRepository answers, TimeProvider clock)
{
    public async Task<Outcome<AnswerRecord>> ExecuteAsync(
        Caller caller, string participationId, string questionKey, AnswerEdit edit, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        var found = await scopes.EditableByAsync(participationId, caller, cancellationToken);
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
        int? expected = null;
        if (ifMatch.IsPresent)
        {
            // If-Match may name several versions or *: the one that matches now is the version the guarded write expects.
            var existing = await answers.GetAsync(participationId, questionKey, cancellationToken);
            if (ifMatch.MatchFor(existing?.Version) is not { } matched)
            {
                return AnswerRefusals.Stale(AnswerSaveOutcome.VersionMismatch, questionKey, existing);
            }
            expected = matched;
        }
        var write = new AnswerWrite(questionKey, AnswerInput.Canonical(edit.Value), edit.Comment, expected);
        var result = await answers.SaveAsync(participationId, write, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            AnswerSaveOutcome.Saved => result.Answer!,
            AnswerSaveOutcome.NotFound => ParticipationScopes.NotFound(participationId),
            AnswerSaveOutcome.NotEditable => new Failure.Conflict(result.Reason ?? AnswerRefusals.NotEditableNow),
            _ => AnswerRefusals.Stale(result.Outcome, result.QuestionKey, result.Answer),
        };
    }
}
