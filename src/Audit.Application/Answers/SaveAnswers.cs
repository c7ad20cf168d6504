namespace Audit.Application.Answers;

/// <summary>
/// Writes a batch of answers, all or nothing: "invalid" lists every invalid item, "stale" every item that changed
/// meanwhile or needs its version (in the <c>items</c> extension); nothing is saved unless everything is.
/// </summary>
public sealed class SaveAnswers(ParticipationScopes scopes, IAnswerRepository answers, TimeProvider clock)
{
    public async Task<Outcome<IReadOnlyList<AnswerRecord>>> ExecuteAsync(
        Caller caller, string participationId, IReadOnlyList<AnswerEdit>? edits, CancellationToken cancellationToken)
    {
        var found = await scopes.EditableByAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        var items = edits ?? [];
        var errors = new Dictionary<string, string[]>();
        if (items.Count is 0 or > AnswerInput.MaxBatchSize)
        {
            errors["answers"] = [$"Send between 1 and {AnswerInput.MaxBatchSize} answers."];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"answers[{i}]";
            if (item is null || string.IsNullOrEmpty(item.QuestionKey))
            {
                errors[path + ".questionKey"] = ["The question key is required."];
                continue;
            }
            if (!seen.Add(item.QuestionKey))
            {
                errors[path + ".questionKey"] = [$"'{item.QuestionKey}' appears more than once in this batch."];
            }
            var valueErrors = AnswerInput.Check(scope.Questionnaire, item.QuestionKey, item.Value, item.Comment, out var commentErrors);
            if (valueErrors.Count > 0) errors[path + ".value"] = [.. valueErrors.Select(e => $"{item.QuestionKey}: {e}")];
            if (commentErrors.Count > 0) errors[path + ".comment"] = [.. commentErrors];
            if (item.Version is < 1) errors[path + ".version"] = ["A version is at least 1."];
        }
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return new Failure.Conflict(scope.CanEditAnswers.Reason!);
        }
        var writes = items.Select(i => new AnswerWrite(i.QuestionKey!, AnswerInput.Canonical(i.Value), i.Comment, i.Version)).ToList();
        var result = await answers.SaveBatchAsync(participationId, writes, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case AnswerBatchOutcome.Saved:
                return Outcome.Of<IReadOnlyList<AnswerRecord>>(result.Items.Select(r => r.Answer!).ToList());
            case AnswerBatchOutcome.NotFound:
                return ParticipationScopes.NotFound(participationId);
            case AnswerBatchOutcome.NotEditable:
                return new Failure.Conflict(result.Reason ?? AnswerRefusals.NotEditableNow);
        }
        var failures = result.Items.Select((r, index) => (r, index))
            .Where(x => x.r.Outcome is not (AnswerSaveOutcome.Saved or AnswerSaveOutcome.RolledBack))
            .Select(x => new AnswerItemFailure(x.index, x.r.QuestionKey, AnswerRefusals.ReasonOf(x.r.Outcome), x.r.Answer))
            .ToList();
        return new Failure.Stale(
            $"Nothing was saved: {failures.Count} answer(s) changed meanwhile or need their version: {string.Join(", ", failures.Select(f => f.QuestionKey))}.")
        {
            Extensions = new Dictionary<string, object?> { ["items"] = failures },
        };
    }
}
