using Audit.Core.FollowUps;

namespace Audit.Application.FollowUps;

/// <summary>What a respondent states about one recommendation, before it is checked.</summary>
public sealed record FollowUpInput(string? Status, string? Reason);

/// <summary>
/// States the follow-up of one recommendation, like an answer: only the institution's own respondents, validated
/// first (every error), an existing follow-up needs the version edited (If-Match), a newer one makes the write
/// stale, and the repository's edit gate refuses it once the questionnaire is submitted.
/// </summary>
public sealed class SaveFollowUp(ParticipationScopes scopes, BaselineRecommendations recommendations, IFollowUpRepository followUps, TimeProvider clock)
{
    public async Task<Outcome<FollowUpRecord>> ExecuteAsync(
        Caller caller, string participationId, string recommendationId, FollowUpInput input, VersionPrecondition ifMatch,
        CancellationToken cancellationToken)
    {
        var found = await scopes.EditableByAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        var set = await recommendations.ForAsync(scope, cancellationToken);
        if (set.Find(recommendationId) is not { } item)
        {
            return new Failure.NotFound($"Participation '{participationId}' has no recommendation '{recommendationId}' to follow up.");
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        var errors = FollowUpRules.Check(input.Status, input.Reason, out var status);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        if (!scope.CanEditAnswers.IsAllowed)
        {
            return new Failure.Conflict(scope.CanEditAnswers.Reason!);
        }
        var existing = item.FollowUp;
        if (!ifMatch.IsPresent && existing is not null)
        {
            return new Failure.PreconditionRequired(
                $"A follow-up exists (version {existing.Version}); send If-Match with the version you edited.", existing.Version) { Extensions = Current(existing) };
        }
        int? expected = null;
        if (ifMatch.IsPresent)
        {
            if (ifMatch.MatchFor(existing?.Version) is not { } matched)
            {
                return Stale(existing);
            }
            expected = matched;
        }
        var write = new FollowUpWrite(recommendationId, status, FollowUpRules.Normalize(input.Reason), expected);
        var result = await followUps.SaveAsync(participationId, write, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            FollowUpSaveOutcome.Saved => result.FollowUp!,
            FollowUpSaveOutcome.NotFound => ParticipationScopes.NotFound(participationId),
            FollowUpSaveOutcome.NotEditable => new Failure.Conflict(result.Reason ?? "The follow-up cannot be changed now."),
            _ => Stale(result.FollowUp),
        };
    }

    private static Failure.Stale Stale(FollowUpRecord? current) => new(current is null
        ? "There is no follow-up at that version; it has not been stated yet."
        : $"The follow-up was changed meanwhile; it is now at version {current.Version}.", current?.Version)
    { Extensions = Current(current) };

    private static Dictionary<string, object?> Current(FollowUpRecord? current) => new() { ["current"] = current };
}
