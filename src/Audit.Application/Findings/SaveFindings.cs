using Audit.Application.Reviews;
using Audit.Core.Reviews;

namespace Audit.Application.Findings;

/// <summary>The findings as the bureau writes them; <see cref="Themes"/> may contain null items (refused as invalid themes).</summary>
public sealed record FindingsInput(IReadOnlyList<FindingsTheme?>? Themes, string? Summary);

/// <summary>
/// Writes the bureau's findings per theme (<see cref="ReviewTexts.CheckFindings"/>) without overwriting a colleague:
/// versioned like answers, so once findings exist a writer must say which version it edited ("precondition
/// required"), and a newer version makes the write stale. Both refusals carry the findings as they now are
/// (<c>current</c>), for the writer to compare.
/// </summary>
public sealed class SaveFindings(ParticipationScopes scopes, IFindingsRepository findings, TimeProvider clock)
{
    public async Task<Outcome<FindingsRecord>> ExecuteAsync(
        Caller caller, string participationId, FindingsInput input, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        var found = await scopes.ForBureauAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        var errors = ReviewTexts.CheckFindings(scope.Questionnaire, input.Themes, input.Summary);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        var existing = await findings.GetAsync(participationId, cancellationToken);
        if (!ifMatch.IsPresent && existing is not null)
        {
            return new Failure.PreconditionRequired(
                $"Findings exist (version {existing.Version}); send If-Match with the version you edited.", existing.Version) { Extensions = Current(existing) };
        }
        int? expected = null;
        if (ifMatch.IsPresent)
        {
            // If-Match may name several versions or *: the one that matches now is the version the guarded write expects.
            if (ifMatch.MatchFor(existing?.Version) is not { } matched)
            {
                return Stale(existing);
            }
            expected = matched;
        }
        var json = ReviewTexts.ToStoredJson(input.Themes!.Select(t => t!));
        var result = await findings.PutAsync(participationId, json, input.Summary, expected, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            FindingsSaveOutcome.Saved => result.Findings!,
            FindingsSaveOutcome.NotFound => ParticipationScopes.NotFound(participationId),
            _ => Stale(result.Findings),
        };
    }

    private static Failure.Stale Stale(FindingsRecord? current) => new(current is null
        ? "There are no findings at that version; they do not exist yet."
        : $"The findings were changed meanwhile; they are now at version {current.Version}.", current?.Version)
    { Extensions = Current(current) };

    private static Dictionary<string, object?> Current(FindingsRecord? current) => new() { ["current"] = current };
}
