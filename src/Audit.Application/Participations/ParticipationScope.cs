using Audit.Core.Questionnaires;

namespace Audit.Application.Participations;

/// <summary>A participation as one caller may see it, with its round and the questionnaire its answers follow.</summary>
public sealed record ParticipationScope(ParticipationRecord Participation, RoundRecord Round, Questionnaire Questionnaire)
{
    public string Id => Participation.Id;

    public RuleCheck CanEditAnswers => ParticipationRules.CanEditAnswers(Round.Round.Status, Participation.Status);
}
