namespace Audit.Application.Answers;

/// <summary>Clears one answer, only at the version the respondent saw; its history keeps a version with no value.</summary>
public sealed class DeleteAnswer(ParticipationScopes scopes, IAnswerRepository answers, TimeProvider clock)
{
    public async Task<Outcome<AnswerRecord>> ExecuteAsync(
        Caller caller, string participationId, string questionKey, VersionPrecondition ifMatch, CancellationToken cancellationToken)
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
        if (scope.Questionnaire.FindQuestion(questionKey) is null)
        {
            return Failure.Invalid.Field("questionKey", $"The questionnaire has no question '{questionKey}'.");
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return new Failure.Conflict(scope.CanEditAnswers.Reason!);
        }
        var existing = await answers.GetAsync(participationId, questionKey, cancellationToken);
        if (existing is null)
        {
            // Without an answer the request is 404 whatever its If-Match: RFC 9110 §13.2.1 has a server ignore
            // preconditions when the request would fail without them.
            return NoAnswer(questionKey);
        }
        if (!ifMatch.IsPresent)
        {
            return AnswerRefusals.Stale(AnswerSaveOutcome.PreconditionRequired, questionKey, existing);
        }
        if (ifMatch.MatchFor(existing.Version) is not { } expected)
        {
            return AnswerRefusals.Stale(AnswerSaveOutcome.VersionMismatch, questionKey, existing);
        }
        var result = await answers.DeleteAsync(participationId, questionKey, expected, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            AnswerDeleteOutcome.Deleted => result.Current!,
            AnswerDeleteOutcome.VersionMismatch => AnswerRefusals.Stale(AnswerSaveOutcome.VersionMismatch, questionKey, result.Current),
            AnswerDeleteOutcome.NotEditable => new Failure.Conflict(result.Reason ?? AnswerRefusals.NotEditableNow),
            _ => NoAnswer(questionKey),
        };
    }

    private static Failure.NotFound NoAnswer(string questionKey) => new($"'{questionKey}' has no answer.");
}
