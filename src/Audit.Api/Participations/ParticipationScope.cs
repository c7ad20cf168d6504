using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Problems;
using Audit.Api.Questionnaires;
using Audit.Core.Access;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Audit.Api.Participations;

/// <summary>A participation as one caller may see it, with its round and the questionnaire its answers follow.</summary>
public sealed record ParticipationScope(ParticipationRecord Participation, RoundRecord Round, Questionnaire Questionnaire)
{
    public RuleCheck CanEditAnswers => ParticipationRules.CanEditAnswers(Round.Round.Status, Participation.Status);
}

/// <summary>
/// Loads a participation for a request through the one resource check (<see cref="ParticipationAccess"/>):
/// not visible is "does not exist" (404), so other institutions' participations do not leak.
/// </summary>
public sealed class ParticipationScopes(IParticipationRepository participations, IRoundRepository rounds, QuestionnaireCatalog catalog)
{
    /// <summary>Null when the participation does not exist or the caller may not see it.</summary>
    public async Task<ParticipationScope?> FindVisibleAsync(string participationId, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var participation = await participations.GetAsync(participationId, cancellationToken);
        if (participation is null || !principal.CanSee(participation))
        {
            return null;
        }
        var round = await rounds.GetAsync(participation.RoundId, cancellationToken)
            ?? throw new InvalidOperationException($"Participation {participation.Id} refers to missing round {participation.RoundId}.");
        var questionnaire = await catalog.GetAsync(round.Round.Questionnaire.Key, round.Round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {round.Round.Id} refers to a missing questionnaire.");
        return new ParticipationScope(participation, round, questionnaire);
    }

    public static ProblemHttpResult NotFound(string participationId) =>
        ApiProblems.NotFound($"Participation '{participationId}' does not exist.");

    /// <summary>The participation is visible but only its own institution changes it.</summary>
    public static ProblemHttpResult NotEditor() =>
        ApiProblems.Status(StatusCodes.Status403Forbidden, "Only respondents of the institution itself change its answers, evidence and submission.");

    /// <summary>Whether reading this participation's data is a confidential read by the bureau, to be recorded.</summary>
    public static bool IsBureauRead(ClaimsPrincipal principal) => principal.GetRole() is Role.Admin or Role.Analyst;
}
