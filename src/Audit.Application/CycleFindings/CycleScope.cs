using Audit.Core.Paging;

namespace Audit.Application.CycleFindings;

/// <summary>
/// The rounds of one audit cycle (its waves), newest opening first. A cycle exists while at least one round names it;
/// a malformed or unknown cycle is not found, so a path segment never reaches a query it was not meant for.
/// </summary>
public sealed class CycleScope(IRoundRepository rounds)
{
    /// <summary>Every round of <paramref name="cycle"/>, of any status: who may see which is the caller's rule.</summary>
    public async Task<IReadOnlyList<RoundRecord>> RoundsAsync(string cycle, CancellationToken cancellationToken)
    {
        if (RoundRules.ValidateCycle(cycle) is not null)
        {
            return [];
        }
        // A cycle holds a handful of waves; one page of the largest size is every one of them.
        var page = await rounds.ListAsync(new RoundQuery(Cycle: cycle), new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
        return page.Items;
    }

    /// <summary>The bureau's way in to a cycle's findings; anyone else, the ministry included, is told there is nothing.</summary>
    public async Task<Outcome<IReadOnlyList<RoundRecord>>> ExecuteAsync(Caller caller, string cycle, CancellationToken cancellationToken)
    {
        if (!caller.IsBureau || await RoundsAsync(cycle, cancellationToken) is not { Count: > 0 } waves)
        {
            return NotFound(cycle);
        }
        return Outcome.Of(waves);
    }

    public static Failure.NotFound NotFound(string cycle) => new($"There is no audit cycle '{cycle}' with findings that you can see.");
}
