using Audit.Application.Reviews;
using Audit.Core.ValidatedScores;

namespace Audit.Application.ValidatedScores;

/// <summary>The bureau's validated score as written, before it is checked.</summary>
public sealed record ValidatedScoreInput(decimal? Score, string? Justification);

/// <summary>
/// Records the bureau's validated score of one theme: while reviewing or after acceptance, until the round is
/// published (409 otherwise); versioned like findings (If-Match needed once a score exists, a newer one is stale).
/// </summary>
public sealed class SaveValidatedScore(ParticipationScopes scopes, IValidatedScoreRepository scores, TimeProvider clock)
{
    public async Task<Outcome<ValidatedScoreRecord>> ExecuteAsync(
        Caller caller, string participationId, string themeKey, ValidatedScoreInput input, VersionPrecondition ifMatch,
        CancellationToken cancellationToken)
    {
        var found = await scopes.ForBureauAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (scope.Questionnaire.Themes.All(t => t.Key != themeKey))
        {
            return new Failure.NotFound($"The questionnaire has no theme '{themeKey}'.");
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        var errors = ValidatedScoreRules.Check(input.Score, input.Justification);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        var check = ValidatedScoreRules.CanRecord(scope.Round.Round.Status, scope.Participation.Status);
        if (!check.IsAllowed)
        {
            return new Failure.Conflict(check.Reason!);
        }
        var existing = (await scores.ListAsync(participationId, cancellationToken)).FirstOrDefault(s => s.ThemeKey == themeKey);
        if (!ifMatch.IsPresent && existing is not null)
        {
            return new Failure.PreconditionRequired(
                $"A validated score exists (version {existing.Version}); send If-Match with the version you edited.", existing.Version) { Extensions = Current(existing) };
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
        var write = new ValidatedScoreWrite(themeKey, input.Score!.Value, input.Justification!.Trim(), expected);
        var result = await scores.SaveAsync(participationId, write, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            ValidatedScoreSaveOutcome.Saved => result.Score!,
            ValidatedScoreSaveOutcome.NotFound => ParticipationScopes.NotFound(participationId),
            ValidatedScoreSaveOutcome.NotAllowed => new Failure.Conflict(result.Reason ?? "A validated score cannot be recorded now."),
            _ => Stale(result.Score),
        };
    }

    private static Failure.Stale Stale(ValidatedScoreRecord? current) => new(current is null
        ? "There is no validated score at that version; none has been recorded yet."
        : $"The validated score was changed meanwhile; it is now at version {current.Version}.", current?.Version)
    { Extensions = Current(current) };

    private static Dictionary<string, object?> Current(ValidatedScoreRecord? current) => new() { ["current"] = current };
}
