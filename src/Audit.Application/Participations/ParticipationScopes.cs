using Audit.Application.Questionnaires;

namespace Audit.Application.Participations;

/// <summary>
/// Loads a participation for a use case through the one resource check (<see cref="Caller.CanSee"/>): not visible is
/// "does not exist", so other institutions' participations do not leak. Only use cases call this.
/// </summary>
public sealed class ParticipationScopes(IParticipationRepository participations, IRoundRepository rounds, QuestionnaireCatalog catalog)
{
    /// <summary>The participation, when it exists and <paramref name="caller"/> may see it.</summary>
    public async Task<Outcome<ParticipationScope>> VisibleAsync(string participationId, Caller caller, CancellationToken cancellationToken)
    {
        var participation = await participations.GetAsync(participationId, cancellationToken);
        if (participation is null || !caller.CanSee(participation))
        {
            return NotFound(participationId);
        }
        var round = await rounds.GetAsync(participation.RoundId, cancellationToken)
            ?? throw new InvalidOperationException($"Participation {participation.Id} refers to missing round {participation.RoundId}.");
        return await ScopeOfAsync(participation, round, cancellationToken);
    }

    /// <summary>
    /// <see cref="EditableByAsync(string, Caller, CancellationToken)"/> over a participation and round already read (by a
    /// write, inside its transaction); <paramref name="participation"/> null when it does not exist.
    /// </summary>
    public async Task<Outcome<ParticipationScope>> EditableByAsync(
        string participationId, ParticipationRecord? participation, RoundRecord? round, Caller caller, CancellationToken cancellationToken)
    {
        if (participation is null || round is null || !caller.CanSee(participation))
        {
            return NotFound(participationId);
        }
        if (!caller.CanEdit(participation))
        {
            return NotEditor();
        }
        return await ScopeOfAsync(participation, round, cancellationToken);
    }

    private async Task<Outcome<ParticipationScope>> ScopeOfAsync(ParticipationRecord participation, RoundRecord round, CancellationToken cancellationToken)
    {
        var questionnaire = await catalog.GetAsync(round.Round.Questionnaire.Key, round.Round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {round.Round.Id} refers to a missing questionnaire.");
        return new ParticipationScope(participation, round, questionnaire);
    }

    /// <summary>The participation, when <paramref name="caller"/> is one of its own institution's respondents.</summary>
    public async Task<Outcome<ParticipationScope>> EditableByAsync(string participationId, Caller caller, CancellationToken cancellationToken)
    {
        var visible = await VisibleAsync(participationId, caller, cancellationToken);
        if (visible.IsOk && !caller.CanEdit(visible.Value.Participation))
        {
            return NotEditor();
        }
        return visible;
    }

    public static Failure.NotFound NotFound(string participationId) => new($"Participation '{participationId}' does not exist.");

    /// <summary>The participation is visible but only its own institution changes it.</summary>
    public static Failure.Forbidden NotEditor() =>
        new("Only respondents of the institution itself change its answers, evidence and submission.");
}
