using Audit.Core.SectorFindings;

namespace Audit.Application.SectorFindings;

/// <summary>The sector findings as the bureau writes them; <see cref="Themes"/> may contain null items (refused as invalid themes).</summary>
public sealed record SectorFindingsInput(string? Summary, IReadOnlyList<SectorFindingsTheme?>? Themes);

/// <summary>
/// Writes the bureau's findings on one sector (<see cref="SectorFindingsTexts.Check"/>) without overwriting a colleague:
/// once they exist a writer must say which version it edited (If-Match), and a newer version makes the write stale.
/// Every change withdraws an approval, so a changed text needs a second analyst again. A published round's findings
/// are final: the ministry's report was made of them.
/// </summary>
public sealed class SaveSectorFindings(SectorFindingsScope scope, ISectorFindingsRepository findings, TimeProvider clock)
{
    public async Task<Outcome<SectorFindingsRecord>> ExecuteAsync(
        Caller caller, string roundId, string institutionType, SectorFindingsInput input, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        if (!(await scope.ExecuteAsync(caller, roundId, institutionType, cancellationToken)).TryGetValue(out var target, out var failure))
        {
            return failure;
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        var errors = SectorFindingsTexts.Check(target.Questionnaire, input.Summary, input.Themes);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        if (target.Round.Round.Status == RoundStatus.Published)
        {
            return new Failure.Conflict("The round is published; its sector findings are final.");
        }
        var existing = await findings.GetAsync(roundId, target.TypeName, cancellationToken);
        if (!ifMatch.IsPresent && existing is not null)
        {
            return new Failure.PreconditionRequired(
                $"Findings exist (version {existing.Version}); send If-Match with the version you edited.", existing.Version) { Extensions = Current(existing) };
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
        var json = SectorFindingsTexts.ToStoredJson(target.Questionnaire, input.Themes!.Select(t => t!));
        var result = await findings.PutAsync(roundId, target.TypeName, json, input.Summary!.Trim(), expected, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            SectorFindingsWriteOutcome.Done => result.Findings!,
            SectorFindingsWriteOutcome.NotFound => SectorFindingsScope.NotFound(roundId, institutionType),
            _ => Stale(result.Findings),
        };
    }

    internal static Failure.Stale Stale(SectorFindingsRecord? current) => new(current is null
        ? "There are no sector findings at that version; they do not exist yet."
        : $"The sector findings were changed meanwhile; they are now at version {current.Version}.", current?.Version)
    { Extensions = Current(current) };

    internal static Dictionary<string, object?> Current(SectorFindingsRecord? current) => new() { ["current"] = current };
}
