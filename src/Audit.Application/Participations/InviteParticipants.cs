using Audit.Application.Rounds;

namespace Audit.Application.Participations;

/// <summary>Whom to invite: institutions by id, or every active institution of some types (exactly one of the two).</summary>
public sealed record Invitees(IReadOnlyList<string>? InstitutionIds, IReadOnlyList<string>? InstitutionTypes);

/// <summary>
/// An admin invites institutions into a draft or open round. Idempotent (an institution already in the round keeps
/// its participation) and all or nothing: an unknown or inactive institution invites nobody, and every such id is
/// listed.
/// </summary>
public sealed class InviteParticipants(IRoundRepository rounds, IParticipationRepository participations, TimeProvider clock)
{
    public async Task<Outcome<InviteResult>> ExecuteAsync(Caller caller, string roundId, Invitees invitees, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var errors = new Dictionary<string, string[]>();
        var byIds = invitees.InstitutionIds is { Count: > 0 };
        if (byIds == invitees.InstitutionTypes is { Count: > 0 })
        {
            errors["institutionIds"] = ["Give either institutionIds or institutionTypes (not both)."];
        }
        // A null or blank item is refused here: the repository would fail on it with a 500 (ids), or it would be
        // dropped silently and invite nobody (types).
        if (invitees.InstitutionIds?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors["institutionIds"] = [.. errors.GetValueOrDefault("institutionIds") ?? [], "institutionIds must not contain null or empty ids."];
        }
        if (invitees.InstitutionTypes?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors["institutionTypes"] = ["institutionTypes must not contain null or empty types."];
        }
        var types = new List<InstitutionType>();
        foreach (var type in (invitees.InstitutionTypes ?? []).Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (WireValues.InstitutionType(type, "institutionTypes", errors) is { } parsed)
            {
                types.Add(parsed);
            }
        }
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        var found = await rounds.FindAsync(roundId, cancellationToken);
        if (!found.TryGetValue(out var round, out var failure))
        {
            return failure;
        }
        if (round.Round.Status is RoundStatus.Closed or RoundStatus.Published)
        {
            return new Failure.Conflict($"Round '{roundId}' is {round.Round.Status.ToWireName()}; institutions can only be invited while it is draft or open.");
        }
        var actor = caller.ToActor();
        var result = byIds
            ? await participations.InviteAsync(roundId, invitees.InstitutionIds!.Distinct().ToList(), actor, clock.GetUtcNow(), cancellationToken)
            : await participations.InviteByTypesAsync(roundId, types, actor, clock.GetUtcNow(), cancellationToken);
        switch (result.Outcome)
        {
            case InviteOutcome.InstitutionsNotInvitable:
                var problems = result.UnknownInstitutionIds.Select(id => $"'{id}' does not exist")
                    .Concat(result.InactiveInstitutionIds.Select(id => $"'{id}' is not active")).ToArray();
                return new Failure.Invalid(new Dictionary<string, string[]> { ["institutionIds"] = problems }, "Nobody was invited: " + string.Join("; ", problems) + ".");
            case InviteOutcome.RoundNotFound:
                return RoundLookup.NotFound(roundId);
            default:
                return result;
        }
    }
}
