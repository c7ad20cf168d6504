using Audit.Application.SectorFindings;
using Audit.Core.CycleFindings;
using Audit.Core.SectorFindings;

namespace Audit.Application.CycleFindings;

/// <summary>What the bureau's cycle summary editor shows: the cycle's rounds, the summary if any, and who wrote and approved it.</summary>
public sealed record CycleFindingsEditor(string Cycle, IReadOnlyList<RoundRecord> Rounds, CycleFindingsRecord? Current, string? UpdatedByName, string? ApprovedByName);

/// <summary>The bureau's summary of a cycle, draft or approved: bureau only; the ministry reads it only approved, in the national report.</summary>
public sealed class ReadCycleFindings(CycleScope scope, ICycleFindingsRepository findings, IUserRepository users)
{
    public async Task<Outcome<CycleFindingsRecord>> ExecuteAsync(Caller caller, string cycle, CancellationToken cancellationToken)
    {
        if (!(await scope.ExecuteAsync(caller, cycle, cancellationToken)).TryGetValue(out _, out var failure))
        {
            return failure;
        }
        return await findings.GetAsync(cycle, cancellationToken) is { } record
            ? record
            : new Failure.NotFound($"No summary of cycle '{cycle}' has been written yet.");
    }

    /// <summary>The summary may not exist yet; the editor then starts empty.</summary>
    public async Task<Outcome<CycleFindingsEditor>> EditorAsync(Caller caller, string cycle, CancellationToken cancellationToken)
    {
        if (!(await scope.ExecuteAsync(caller, cycle, cancellationToken)).TryGetValue(out var rounds, out var failure))
        {
            return failure;
        }
        if (await findings.GetAsync(cycle, cancellationToken) is not { } current)
        {
            return new CycleFindingsEditor(cycle, rounds, null, null, null);
        }
        var names = await Reviews.UserNames.ResolveAsync(users, new[] { current.UpdatedBy, current.ApprovedBy }.OfType<string>().Distinct(), cancellationToken);
        return new CycleFindingsEditor(cycle, rounds, current, names[current.UpdatedBy], current.ApprovedBy is { } by ? names[by] : null);
    }
}

/// <summary>
/// Writes the bureau's summary of a cycle (Markdown, required, at most <see cref="SectorFindingsTexts.MaxTextLength"/>
/// characters) without overwriting a colleague: once it exists a writer names the version it edited (If-Match). Every
/// change withdraws the approval. The summary stays editable while waves are published one after another: the
/// national report shows only the approved version.
/// </summary>
public sealed class SaveCycleFindings(CycleScope scope, ICycleFindingsRepository findings, TimeProvider clock)
{
    public async Task<Outcome<CycleFindingsRecord>> ExecuteAsync(
        Caller caller, string cycle, string? summary, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        if (!(await scope.ExecuteAsync(caller, cycle, cancellationToken)).TryGetValue(out _, out var failure))
        {
            return failure;
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        if (string.IsNullOrWhiteSpace(summary) || summary.Length > SectorFindingsTexts.MaxTextLength)
        {
            return Failure.Invalid.Field("summary", $"The summary is required, at most {SectorFindingsTexts.MaxTextLength} characters.");
        }
        var existing = await findings.GetAsync(cycle, cancellationToken);
        if (!ifMatch.IsPresent && existing is not null)
        {
            return new Failure.PreconditionRequired(
                $"The summary exists (version {existing.Version}); send If-Match with the version you edited.", existing.Version) { Extensions = Current(existing) };
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
        var result = await findings.PutAsync(cycle, summary.Trim(), expected, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome == SectorFindingsWriteOutcome.Done ? result.Findings! : Stale(result.Findings);
    }

    internal static Failure Stale(CycleFindingsRecord? current) => new Failure.Stale(current is null
        ? "There is no cycle summary at that version; it does not exist yet."
        : $"The cycle summary was changed meanwhile; it is now at version {current.Version}.", current?.Version)
    { Extensions = Current(current) };

    internal static Dictionary<string, object?> Current(CycleFindingsRecord? current) => new() { ["current"] = current };
}

/// <summary>Four eyes on the cycle summary (<see cref="FourEyes"/>): only an approved version opens the national report.</summary>
public sealed class ApproveCycleFindings(CycleScope scope, ICycleFindingsRepository findings, TimeProvider clock)
{
    public async Task<Outcome<CycleFindingsRecord>> ExecuteAsync(Caller caller, string cycle, VersionPrecondition ifMatch, CancellationToken cancellationToken)
    {
        if (!(await scope.ExecuteAsync(caller, cycle, cancellationToken)).TryGetValue(out _, out var failure))
        {
            return failure;
        }
        if (ifMatch.IsMalformed)
        {
            return VersionPrecondition.Invalid();
        }
        if (await findings.GetAsync(cycle, cancellationToken) is not { } existing)
        {
            return new Failure.NotFound($"No summary of cycle '{cycle}' has been written yet.");
        }
        if (!FourEyes.Check(existing, ifMatch, caller, SaveCycleFindings.Stale, SaveCycleFindings.Current).TryGetValue(out var version, out var refused))
        {
            return refused;
        }
        var result = await findings.ApproveAsync(cycle, version, caller.ToActor(), clock.GetUtcNow(), cancellationToken);
        return result.Outcome == SectorFindingsWriteOutcome.Done ? result.Findings! : SaveCycleFindings.Stale(result.Findings);
    }
}
