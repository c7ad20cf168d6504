using Audit.Application.Questionnaires;
using Audit.Core.Paging;
using Audit.Core.Questionnaires;

namespace Audit.Application.Participations;

/// <summary>The caller's institution in one round: where it stands, theme by theme.</summary>
public sealed record OwnParticipation(Round Round, ParticipationRecord Participation, Questionnaire Questionnaire, IReadOnlyList<ThemeProgress> Progress)
{
    public bool Editable => ParticipationRules.CanEditAnswers(Round.Status, Participation.Status).IsAllowed;
}

/// <summary>
/// The caller's own institution in each round that is not a draft, newest round first (the order the rounds come
/// in). Anyone without an institution has none.
/// </summary>
public sealed class ListOwnParticipations(
    IRoundRepository rounds, IParticipationRepository participations, IAnswerRepository answers, QuestionnaireCatalog catalog)
{
    public async Task<Outcome<IReadOnlyList<OwnParticipation>>> ExecuteAsync(Caller caller, CancellationToken cancellationToken)
    {
        var own = new List<OwnParticipation>();
        if (caller.InstitutionId is not { } institutionId)
        {
            return Outcome.Of<IReadOnlyList<OwnParticipation>>(own);
        }
        // Rounds are few (a handful a year), so one lookup per round is cheaper than another repository query to keep.
        await foreach (var round in AllRoundsAsync(cancellationToken))
        {
            if (round.Round.Status != RoundStatus.Draft
                && await participations.FindAsync(round.Round.Id, institutionId, cancellationToken) is { } participation
                && caller.CanSee(participation))
            {
                var questionnaire = await catalog.GetAsync(round.Round.Questionnaire.Key, round.Round.Questionnaire.Version, cancellationToken)
                    ?? throw new InvalidOperationException($"Round {round.Round.Id} refers to a missing questionnaire.");
                var values = AnswerInput.Values(await answers.ListAsync(participation.Id, cancellationToken));
                own.Add(new OwnParticipation(round.Round, participation, questionnaire, AnswerValidator.ProgressPerTheme(questionnaire, values)));
            }
        }
        return Outcome.Of<IReadOnlyList<OwnParticipation>>(own);
    }

    private async IAsyncEnumerable<RoundRecord> AllRoundsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var batch = await rounds.ListAsync(new RoundQuery(), new PageRequest(page, PageRequest.MaxPageSize), cancellationToken);
            foreach (var round in batch.Items)
            {
                yield return round;
            }
            if (batch.Items.Count < PageRequest.MaxPageSize)
            {
                yield break;
            }
        }
    }
}
