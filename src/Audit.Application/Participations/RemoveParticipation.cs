namespace Audit.Application.Participations;

/// <summary>What a removal did: the participation taken out, and how many answers it had.</summary>
public sealed record RemovedParticipation(ParticipationRecord Participation, int Answers);

/// <summary>
/// An admin takes an institution out of a draft or open round. A participation with answers, evidence or a
/// submission is only removed when the caller confirms (<c>confirm</c>): otherwise a conflict that says how many
/// answers it has, and nothing changes. The participation is hidden, not deleted (its history is append-only), the
/// removal is on the audit trail, and inviting the institution again brings it back as it was.
/// </summary>
public sealed class RemoveParticipation(ParticipationScopes scopes, IParticipationRepository participations, TimeProvider clock)
{
    public async Task<Outcome<RemovedParticipation>> ExecuteAsync(Caller caller, string participationId, bool confirm, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (RoundRules.CanChange(scope.Round.Round.Status) is { IsAllowed: false } denied)
        {
            return new Failure.Conflict(denied.Reason!);
        }
        var answers = await participations.AnswerCountAsync(participationId, cancellationToken);
        var p = scope.Participation;
        var audit = caller.ToActor().Did("participation.removed", "participation", participationId, clock.GetUtcNow(),
            $"{p.RoundId}/{p.InstitutionId}, status {p.Status.ToWireName()}, {answers} answer(s)");
        return await participations.RemoveAsync(participationId, confirm, audit, cancellationToken) switch
        {
            ParticipationRemoveOutcome.Removed => new RemovedParticipation(p, answers),
            ParticipationRemoveOutcome.NotFound => ParticipationScopes.NotFound(participationId),
            _ => new Failure.Conflict(
                $"{p.InstitutionName} has already entered answers ({answers}), evidence or a submission in this round. " +
                "Confirm the removal (confirm=true) to take it out anyway; its answers are kept but no longer part of the round.")
            {
                Extensions = new Dictionary<string, object?> { ["answers"] = answers, ["confirmationRequired"] = true },
            },
        };
    }
}
