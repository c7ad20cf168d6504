namespace Audit.Application.Answers;

/// <summary>What a whole form would change, read against the answers as they are when it is saved.</summary>
public interface IFormChanges
{
    /// <summary>The form holds entries it cannot save (invalid, or a colleague's answer it did not expect): nothing is written.</summary>
    bool HasErrors { get; }

    /// <summary>The answers filled in or changed, each expecting the version the form was shown with.</summary>
    IReadOnlyList<AnswerWrite> Writes { get; }

    /// <summary>The answers emptied, each at the version the form was shown with.</summary>
    IReadOnlyList<AnswerClear> Clears { get; }
}

/// <summary>
/// The form as last read: saved when it has no errors and nothing is <see cref="Stale"/>; otherwise it is shown again,
/// with its own errors or with the answers colleagues changed meanwhile (each with the answer as it now is).
/// </summary>
public sealed record FormSave<TChanges>(TChanges Changes, IReadOnlyList<AnswerSaveResult> Stale) where TChanges : IFormChanges
{
    public bool Saved => !Changes.HasErrors && Stale.Count == 0;
}

/// <summary>
/// Saves a whole form of answers (a theme page without script) in one transaction, writes and clears together, or
/// nothing at all. The form is read against the current answers by the caller's <c>read</c>; after stale versions it is
/// read once more against the answers as they then are, because the page's own autosave may have committed the very
/// values posted between reading and writing: that drops every field that now holds what was posted, and what still
/// differs is a colleague's change and stays stale.
/// </summary>
public sealed class SaveThemeAnswers(ParticipationScopes scopes, IAnswerRepository answers, TimeProvider clock)
{
    private const int Attempts = 2;

    public async Task<Outcome<FormSave<TChanges>>> ExecuteAsync<TChanges>(
        Caller caller, string participationId, Func<ParticipationScope, IReadOnlyList<AnswerRecord>, TChanges> read,
        CancellationToken cancellationToken) where TChanges : IFormChanges
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await scopes.EditableByAsync(participationId, caller, cancellationToken);
            if (!found.TryGetValue(out var scope, out var failure))
            {
                return failure;
            }
            if (!scope.CanEditAnswers.IsAllowed)
            {
                return new Failure.Conflict(scope.CanEditAnswers.Reason!);
            }
            var changes = read(scope, await answers.ListAsync(participationId, cancellationToken));
            if (changes.HasErrors)
            {
                return new FormSave<TChanges>(changes, []);
            }
            if (Check(scope, changes) is { } invalid)
            {
                return invalid;
            }
            var result = await answers.SaveChangesAsync(participationId, changes.Writes, changes.Clears, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
            switch (result.Outcome)
            {
                case AnswerBatchOutcome.Saved:
                    return new FormSave<TChanges>(changes, []);
                case AnswerBatchOutcome.NotFound:
                    return ParticipationScopes.NotFound(participationId);
                case AnswerBatchOutcome.NotEditable:
                    return new Failure.Conflict(result.Reason ?? AnswerRefusals.NotEditableNow);
                case AnswerBatchOutcome.ItemsFailed when attempt < Attempts:
                    continue;
                default:
                    return new FormSave<TChanges>(changes,
                        result.Items.Where(i => i.Outcome is not (AnswerSaveOutcome.Saved or AnswerSaveOutcome.RolledBack)).ToList());
            }
        }
    }

    /// <summary>
    /// The same checks as every other answer write (<see cref="AnswerInput.Check"/>): the form read its entries with
    /// Core's rules already, but what is stored is judged here, whoever read it.
    /// </summary>
    private static Failure.Invalid? Check(ParticipationScope scope, IFormChanges changes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var write in changes.Writes)
        {
            var valueErrors = AnswerInput.Check(scope.Questionnaire, write.QuestionKey, AnswerInput.Parse(write.ValueJson), write.Comment, out var commentErrors);
            if (valueErrors.Count + commentErrors.Count > 0) errors[write.QuestionKey] = [.. valueErrors, .. commentErrors];
        }
        foreach (var clear in changes.Clears.Where(c => scope.Questionnaire.FindQuestion(c.QuestionKey) is null))
        {
            errors[clear.QuestionKey] = [$"The questionnaire has no question '{clear.QuestionKey}'."];
        }
        return errors.Count > 0 ? new Failure.Invalid(errors) : null;
    }
}
