using Audit.Application.Questionnaires;
using Audit.Core.Questionnaires;

namespace Audit.Application.Participations;

/// <summary>
/// How far a participation is: its current answers checked against its round's questionnaire. Used by the
/// participation resource, the lists and the submission, so they always agree.
/// </summary>
public sealed class ParticipationCompleteness(IAnswerRepository answers, IRoundRepository rounds, QuestionnaireCatalog catalog)
{
    public async Task<(CompletenessResult Completeness, IReadOnlyList<AnswerRecord> Answers)> CheckAsync(
        ParticipationRecord participation, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(participation.RoundId, cancellationToken)
            ?? throw new InvalidOperationException($"Participation {participation.Id} refers to missing round {participation.RoundId}.");
        var questionnaire = await catalog.GetAsync(round.Round.Questionnaire.Key, round.Round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {round.Round.Id} refers to a missing questionnaire.");
        return await CheckAsync(participation.Id, questionnaire, cancellationToken);
    }

    /// <summary>For a participation a use case has loaded already, with its questionnaire.</summary>
    public Task<(CompletenessResult Completeness, IReadOnlyList<AnswerRecord> Answers)> CheckAsync(
        ParticipationScope scope, CancellationToken cancellationToken) =>
        CheckAsync(scope.Id, scope.Questionnaire, cancellationToken);

    private async Task<(CompletenessResult Completeness, IReadOnlyList<AnswerRecord> Answers)> CheckAsync(
        string participationId, Questionnaire questionnaire, CancellationToken cancellationToken)
    {
        var current = await answers.ListAsync(participationId, cancellationToken);
        return (AnswerValidator.CompletenessCheck(questionnaire, AnswerInput.Values(current)), current);
    }
}
