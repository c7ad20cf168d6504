using Audit.Application.Reviews;
using Audit.Core.SectorFindings;

namespace Audit.Application.SectorFindings;

/// <summary>What the bureau's findings editor and sector page show: the target, the findings if any, and who wrote and approved them.</summary>
public sealed record SectorFindingsEditor(SectorFindingsTarget Target, SectorFindingsRecord? Current, string? UpdatedByName, string? ApprovedByName);

/// <summary>The bureau's findings on one institution type in one round, draft or approved: bureau only.</summary>
public sealed class ReadSectorFindings(SectorFindingsScope scope, ISectorFindingsRepository findings, IUserRepository users)
{
    public async Task<Outcome<SectorFindingsRecord>> ExecuteAsync(Caller caller, string roundId, string institutionType, CancellationToken cancellationToken)
    {
        if (!(await scope.ExecuteAsync(caller, roundId, institutionType, cancellationToken)).TryGetValue(out var target, out var failure))
        {
            return failure;
        }
        return await findings.GetAsync(roundId, target.TypeName, cancellationToken) is { } record
            ? record
            : new Failure.NotFound($"No findings on '{institutionType}' in round '{roundId}' have been written yet.");
    }

    /// <summary>The findings may not exist yet; the editor then starts empty.</summary>
    public async Task<Outcome<SectorFindingsEditor>> EditorAsync(Caller caller, string roundId, string institutionType, CancellationToken cancellationToken)
    {
        if (!(await scope.ExecuteAsync(caller, roundId, institutionType, cancellationToken)).TryGetValue(out var target, out var failure))
        {
            return failure;
        }
        var current = await findings.GetAsync(roundId, target.TypeName, cancellationToken);
        if (current is null)
        {
            return new SectorFindingsEditor(target, null, null, null);
        }
        var names = await UserNames.ResolveAsync(users, new[] { current.UpdatedBy, current.ApprovedBy }.OfType<string>().Distinct(), cancellationToken);
        return new SectorFindingsEditor(target, current, names[current.UpdatedBy], current.ApprovedBy is { } by ? names[by] : null);
    }
}
