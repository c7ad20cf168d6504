using Audit.Core.AuditTrail;
using Audit.Core.DeepDives;

namespace Audit.Application.DeepDives;

/// <summary>A sector's deep-dive: the selection (null until the bureau made one) and its records per selected institution.</summary>
public sealed record DeepDiveOverview(DeepDiveSector Sector, DeepDiveSelection? Selection, IReadOnlyDictionary<string, int> RecordCounts);

/// <summary>
/// Reads a sector's deep-dive selection. The selection names which institutions the bureau studies, which is
/// confidential, so every read is on the audit trail (<c>deep-dive.read</c>), like a read of an institution's answers.
/// </summary>
public sealed class ReadDeepDiveSelection(DeepDiveSectors sectors, IDeepDiveRepository deepDives, IAuditEventRepository trail, TimeProvider clock)
{
    public const string ReadAction = "deep-dive.read";

    public async Task<Outcome<DeepDiveOverview>> ExecuteAsync(Caller caller, string roundId, string institutionType, CancellationToken cancellationToken)
    {
        var found = await sectors.FindAsync(caller, roundId, institutionType, cancellationToken);
        if (!found.TryGetValue(out var sector, out var failure))
        {
            return failure;
        }
        var selection = await deepDives.GetSelectionAsync(roundId, sector.TypeName, cancellationToken);
        var counts = await CountsAsync(deepDives, sector, cancellationToken);
        await trail.RecordAsync(caller.ToActor().Did(ReadAction, "deep-dive", sector.ObjectId, clock.GetUtcNow(),
            selection is null ? "no selection" : $"selection v{selection.Version}"), cancellationToken);
        return new DeepDiveOverview(sector, selection, counts);
    }

    /// <summary>Records per institution of the sector.</summary>
    internal static async Task<IReadOnlyDictionary<string, int>> CountsAsync(IDeepDiveRepository deepDives, DeepDiveSector sector, CancellationToken cancellationToken) =>
        (await deepDives.ListRecordsAsync(sector.Round.Round.Id, sector.TypeName, null, cancellationToken))
            .GroupBy(r => r.InstitutionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}

/// <summary>The selection as the bureau writes it; items may be null (refused as invalid).</summary>
public sealed record DeepDiveSelectionInput(IReadOnlyList<string?>? InstitutionIds, string? Rationale);

/// <summary>
/// Stores which institutions of the sector the deep-dive studies and why. Versioned: once a selection exists a writer
/// must name the version it changed (428 without, 412 on a newer one), so two analysts never overwrite each other.
/// Every named institution must take part in the round with this type; a selection may be emptied again.
/// </summary>
public sealed class SaveDeepDiveSelection(DeepDiveSectors sectors, IDeepDiveRepository deepDives, TimeProvider clock)
{
    public async Task<Outcome<DeepDiveOverview>> ExecuteAsync(
        Caller caller, string roundId, string institutionType, DeepDiveSelectionInput input, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        var found = await sectors.FindAsync(caller, roundId, institutionType, cancellationToken);
        if (!found.TryGetValue(out var sector, out var failure))
        {
            return failure;
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        var errors = Check(sector, input);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        var existing = await deepDives.GetSelectionAsync(roundId, sector.TypeName, cancellationToken);
        if (!ifMatch.IsPresent && existing is not null)
        {
            return new Failure.PreconditionRequired(
                $"A selection exists (version {existing.Version}); send If-Match with the version you changed.", existing.Version);
        }
        int? expected = null;
        if (ifMatch.IsPresent)
        {
            if (ifMatch.MatchFor(existing?.Version) is not { } matched)
            {
                return DeepDiveOutcomes.Stale("selection", existing?.Version);
            }
            expected = matched;
        }
        var result = await deepDives.PutSelectionAsync(roundId, sector.TypeName, [.. input.InstitutionIds!.Select(i => i!)], input.Rationale!.Trim(),
            expected, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome switch
        {
            DeepDiveWriteOutcome.Saved => new DeepDiveOverview(sector, result.Current!, await ReadDeepDiveSelection.CountsAsync(deepDives, sector, cancellationToken)),
            DeepDiveWriteOutcome.NotFound => DeepDiveSectors.NotFound(roundId, institutionType),
            _ => DeepDiveOutcomes.Stale("selection", result.Current?.Version),
        };
    }

    /// <summary>Every invalid field at once, keyed as the API body.</summary>
    public static Dictionary<string, string[]> Check(DeepDiveSector sector, DeepDiveSelectionInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.InstitutionIds is null)
        {
            errors["institutionIds"] = ["Name the selected institutions (an empty list clears the selection)."];
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < input.InstitutionIds.Count; i++)
            {
                var id = input.InstitutionIds[i];
                if (sector.Find(id) is null)
                {
                    errors[$"institutionIds[{i}]"] = [$"'{id}' is not a {sector.TypeName} that takes part in round '{sector.Round.Round.Id}'."];
                }
                else if (!seen.Add(id!))
                {
                    errors[$"institutionIds[{i}]"] = [$"'{id}' is named twice."];
                }
            }
        }
        if (string.IsNullOrWhiteSpace(input.Rationale) || input.Rationale.Length > DeepDiveSectors.MaxTextLength)
        {
            errors["rationale"] = [$"Say why these institutions were chosen, in 1 to {DeepDiveSectors.MaxTextLength} characters."];
        }
        return errors;
    }
}
