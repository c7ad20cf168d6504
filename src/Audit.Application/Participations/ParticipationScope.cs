using Audit.Core.Questionnaires;

namespace Audit.Application.Participations;

/// <summary>A participation as one caller may see it, with its round and the questionnaire its answers follow.</summary>
public sealed record ParticipationScope(ParticipationRecord Participation, RoundRecord Round, Questionnaire Questionnaire)
{
    /// <summary>
    /// The questionnaire with <c>{peildatum}</c> filled in with the round's reference date (<see cref="ReferenceDateText"/>).
    /// Done here, once, because every view of a participation (form, recap, bureau file, feedback report) starts from its
    /// scope; the catalog's stored definition keeps the placeholder.
    /// </summary>
    public Questionnaire Questionnaire { get; init; } = Questionnaire.WithReferenceDate(Round.Round.ReferenceDate);

    public string Id => Participation.Id;

    public RuleCheck CanEditAnswers => ParticipationRules.CanEditAnswers(Round.Round.Status, Participation.Status);
}
