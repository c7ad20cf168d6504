using Audit.Api.Answers;
using Audit.Api.Questionnaires;
using Audit.Application.Questionnaires;
using Audit.Core.Answers;
using Audit.Core.Rounds;

namespace Audit.Api.Participations;

/// <summary>
/// How far a participation is: its current answers checked against its round's questionnaire. Used by the
/// participation resource, the lists and the submission check, so they always agree.
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
        var current = await answers.ListAsync(participation.Id, cancellationToken);
        return (AnswerValidator.CompletenessCheck(questionnaire, AnswerInput.Values(current)), current);
    }
}
