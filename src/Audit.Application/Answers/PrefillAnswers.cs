using Audit.Application.Questionnaires;
using Audit.Core.Questionnaires;

namespace Audit.Application.Answers;

/// <summary>What a prefill copied, and from where.</summary>
public sealed record Prefilled(string BaselineRoundId, string BaselineParticipationId, IReadOnlyList<string> Copied);

/// <summary>
/// Copies the institution's accepted answers of the baseline round into empty answers, for the questions that are
/// comparable (same key and type) and whose old value is still valid under the new question.
/// </summary>
public sealed class PrefillAnswers(
    ParticipationScopes scopes, IRoundRepository rounds, IParticipationRepository participations, QuestionnaireCatalog catalog,
    IAnswerRepository answers, TimeProvider clock)
{
    public async Task<Outcome<Prefilled>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
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
        if (scope.Round.Round.BaselineRoundId is not { } baselineRoundId
            || await rounds.GetAsync(baselineRoundId, cancellationToken) is not { } baselineRound)
        {
            return new Failure.Conflict($"Round '{scope.Round.Round.Id}' has no baseline round to prefill from.");
        }
        var baseline = await participations.FindAsync(baselineRoundId, scope.Participation.InstitutionId, cancellationToken);
        if (baseline is not { Status: ParticipationStatus.Accepted })
        {
            return new Failure.Conflict($"The institution has no accepted participation in baseline round '{baselineRoundId}' to prefill from.");
        }
        var older = await catalog.GetAsync(baselineRound.Round.Questionnaire.Key, baselineRound.Round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {baselineRoundId} refers to a missing questionnaire.");
        var comparable = QuestionnaireComparison.Compare(older, scope.Questionnaire).Comparable.ToHashSet(StringComparer.Ordinal);
        // Same key and type can still differ in options or bounds: an old value the new question rejects is not copied.
        var keys = (await answers.ListAsync(baseline.Id, cancellationToken))
            .Where(a => comparable.Contains(a.QuestionKey)
                        && AnswerValidator.Validate(scope.Questionnaire.FindQuestion(a.QuestionKey)!, AnswerInput.Parse(a.ValueJson)).Count == 0)
            .Select(a => a.QuestionKey).ToList();
        var result = await answers.PrefillAsync(participationId, baseline.Id, keys, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            PrefillOutcome.Prefilled => new Prefilled(baselineRoundId, baseline.Id, result.CopiedKeys),
            PrefillOutcome.NotFound => ParticipationScopes.NotFound(participationId),
            _ => new Failure.Conflict(result.Reason ?? "The answers cannot be prefilled now."),
        };
    }
}
