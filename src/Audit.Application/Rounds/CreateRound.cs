using Audit.Core.Paging;

namespace Audit.Application.Rounds;

/// <summary>
/// Who takes part in a new round: the institutions of another round (<see cref="From"/>, a round id), every active
/// institution of some types (<see cref="InstitutionTypes"/>, wire names), both, or nobody yet.
/// </summary>
public sealed record RoundParticipants(string? From = null, IReadOnlyList<string>? InstitutionTypes = null)
{
    public static RoundParticipants None { get; } = new();

    public bool IsEmpty => string.IsNullOrEmpty(From) && InstitutionTypes is not { Count: > 0 };
}

/// <summary>The round as created, with the participations it started with.</summary>
public sealed record CreatedRound(RoundRecord Record, int Invited, IReadOnlyList<string> SkippedInactive);

/// <summary>
/// An admin creates a round, in draft: every invalid field at once (Core's <see cref="RoundRules"/>, plus the
/// participants), then the questionnaire version and the baseline round must exist, and the id must be free. The
/// participants are invited right after: by type, and/or the institutions of round <see cref="RoundParticipants.From"/>.
/// Contacts belong to institutions, not to rounds, so copying a round's institutions brings their contacts along.
/// An institution of the copied round that has since been deactivated is left out (and named).
/// </summary>
public sealed class CreateRound(IRoundRepository rounds, IParticipationRepository participations, TimeProvider clock)
{
    public async Task<Outcome<CreatedRound>> ExecuteAsync(
        Caller caller, RoundDraft draft, RoundParticipants participants, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        RoundRules.TryCreate(draft, out var round, out var roundErrors);
        var errors = FieldErrors.ToDictionary(roundErrors);
        var types = new List<InstitutionType>();
        foreach (var type in participants.InstitutionTypes ?? [])
        {
            if (string.IsNullOrWhiteSpace(type))
            {
                errors["institutionTypes"] = ["institutionTypes must not contain null or empty types."];
            }
            else if (WireValues.InstitutionType(type, "institutionTypes", errors) is { } parsed)
            {
                types.Add(parsed);
            }
        }
        var source = string.IsNullOrEmpty(participants.From) ? null : await rounds.GetAsync(participants.From, cancellationToken);
        if (!string.IsNullOrEmpty(participants.From) && source is null)
        {
            errors["participantsFrom"] = [$"Round '{participants.From}' does not exist."];
        }
        if (errors.Count > 0 || round is null)
        {
            return new Failure.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var audit = caller.ToActor().Did("round.created", "round", round.Id, now,
            $"{round.Questionnaire.Key} {round.Questionnaire.Version}, {round.OpensAt:O} – {round.ClosesAt:O}" +
            (round.ReferenceDate is { } date ? $", reference date {date:yyyy-MM-dd}" : "") +
            (source is null ? "" : $", participants from {source.Round.Id}"));
        switch (await rounds.InsertAsync(round, audit, cancellationToken))
        {
            case RoundInsertOutcome.IdTaken:
                return new Failure.Conflict($"Round '{round.Id}' already exists.");
            case RoundInsertOutcome.QuestionnaireNotFound:
                return Failure.Invalid.Field("questionnaire",
                    $"Questionnaire '{round.Questionnaire.Key}' version '{round.Questionnaire.Version}' does not exist.");
            case RoundInsertOutcome.BaselineNotFound:
                return Failure.Invalid.Field("baselineRoundId", $"Baseline round '{round.BaselineRoundId}' does not exist.");
        }
        var (invited, skipped) = await InviteAsync(caller, round.Id, source, types, now, cancellationToken);
        return new CreatedRound((await rounds.GetAsync(round.Id, cancellationToken))!, invited, skipped);
    }

    private async Task<(int Invited, IReadOnlyList<string> Skipped)> InviteAsync(
        Caller caller, string roundId, RoundRecord? source, List<InstitutionType> types, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var actor = caller.ToActor();
        var invited = 0;
        if (types.Count > 0)
        {
            invited += (await participations.InviteByTypesAsync(roundId, types, actor, now, cancellationToken)).CreatedIds.Count;
        }
        if (source is null)
        {
            return (invited, []);
        }
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var batch = await participations.ListByRoundAsync(source.Round.Id, new PageRequest(page, PageRequest.MaxPageSize), cancellationToken);
            ids.AddRange(batch.Items.Select(p => p.InstitutionId));
            if (batch.Items.Count < PageRequest.MaxPageSize)
            {
                break;
            }
        }
        if (ids.Count == 0)
        {
            return (invited, []);
        }
        var result = await participations.InviteAsync(roundId, ids, actor, now, cancellationToken);
        IReadOnlyList<string> skipped = [];
        if (result.Outcome == InviteOutcome.InstitutionsNotInvitable)
        {
            // All or nothing per call: leave out what can no longer take part (the registry keeps every institution, so
            // only deactivated ones come back here) and invite the rest.
            skipped = [.. result.InactiveInstitutionIds, .. result.UnknownInstitutionIds];
            var rest = ids.Except(skipped, StringComparer.Ordinal).ToList();
            result = rest.Count == 0 ? result : await participations.InviteAsync(roundId, rest, actor, now, cancellationToken);
        }
        return (invited + result.CreatedIds.Count, skipped);
    }
}
