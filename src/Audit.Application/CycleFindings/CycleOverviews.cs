using Audit.Core.CycleFindings;
using Audit.Core.Paging;
using Audit.Core.SectorFindings;

namespace Audit.Application.CycleFindings;

/// <summary>One wave of a cycle: the round, the institution types it invited, and the types whose findings are approved.</summary>
public sealed record CycleWave(RoundRecord Round, IReadOnlyList<string> Types, IReadOnlyList<string> ApprovedTypes);

/// <summary>What the bureau's cycle page shows: its waves and the summary editor (<see cref="CycleFindingsEditor"/>).</summary>
public sealed record CycleOverview(CycleFindingsEditor Editor, IReadOnlyList<CycleWave> Waves)
{
    /// <summary>The national report exists once a wave is published: it combines only published rounds.</summary>
    public bool AnyPublished => Waves.Any(w => w.Round.Round.Status == RoundStatus.Published);
}

/// <summary>A cycle in the bureau's list: its waves (any status) and its summary, if written.</summary>
public sealed record CycleListItem(string Cycle, IReadOnlyList<RoundRecord> Rounds, CycleFindingsRecord? Summary);

/// <summary>A cycle with at least one published wave, as the ministry may know it: only the published waves.</summary>
public sealed record PublishedCycle(string Cycle, IReadOnlyList<RoundRecord> Waves);

/// <summary>The bureau's page of one cycle: bureau only (anyone else is told there is no such cycle, as by <see cref="CycleScope"/>).</summary>
public sealed class ReadCycleOverview(ReadCycleFindings read, IParticipationRepository participations, ISectorFindingsRepository sectorFindings)
{
    public async Task<Outcome<CycleOverview>> ExecuteAsync(Caller caller, string cycle, CancellationToken cancellationToken)
    {
        if (!(await read.EditorAsync(caller, cycle, cancellationToken)).TryGetValue(out var editor, out var failure))
        {
            return failure;
        }
        var waves = new List<CycleWave>();
        foreach (var round in editor.Rounds.OrderBy(r => r.Round.OpensAt).ThenBy(r => r.Round.Id, StringComparer.Ordinal))
        {
            var types = (await participations.InstitutionTypesAsync(round.Round.Id, cancellationToken)).Select(t => t.ToWireName()).Order(StringComparer.Ordinal).ToList();
            var approved = (await sectorFindings.ListAsync(round.Round.Id, cancellationToken)).Where(f => f.IsApproved)
                .Select(f => f.InstitutionType).Order(StringComparer.Ordinal).ToList();
            waves.Add(new CycleWave(round, types, approved));
        }
        return new CycleOverview(editor, waves);
    }
}

/// <summary>Every audit cycle a round names, newest first, with its summary: the bureau's list of cycles. Bureau only.</summary>
public sealed class ReadCycles(IRoundRepository rounds, ICycleFindingsRepository findings)
{
    public async Task<Outcome<IReadOnlyList<CycleListItem>>> ExecuteAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsBureau)
        {
            return new Failure.NotFound("There are no audit cycles that you can see.");
        }
        var items = new List<CycleListItem>();
        foreach (var group in (await AllAsync(rounds, new RoundQuery(), cancellationToken)).Where(r => r.Round.Cycle is not null)
                     .GroupBy(r => r.Round.Cycle!, StringComparer.Ordinal).OrderByDescending(g => g.Key, StringComparer.Ordinal))
        {
            items.Add(new CycleListItem(group.Key, [.. group.OrderBy(r => r.Round.OpensAt)], await findings.GetAsync(group.Key, cancellationToken)));
        }
        return items;
    }

    /// <summary>Every round of the query: rounds are a few per year, so a handful of the largest pages.</summary>
    internal static async Task<List<RoundRecord>> AllAsync(IRoundRepository rounds, RoundQuery query, CancellationToken cancellationToken)
    {
        var all = new List<RoundRecord>();
        for (var number = 1; ; number++)
        {
            var page = await rounds.ListAsync(query, new PageRequest(number, PageRequest.MaxPageSize), cancellationToken);
            all.AddRange(page.Items);
            if (page.Items.Count < PageRequest.MaxPageSize)
            {
                return all;
            }
        }
    }
}

/// <summary>
/// The cycles whose national report to parliament exists: those with at least one published wave, each with only its
/// published waves (the ministry never learns of a draft or open round through this). Bureau and ministry.
/// </summary>
public sealed class ReadPublishedCycles(IRoundRepository rounds, CycleScope scope)
{
    public async Task<Outcome<IReadOnlyList<PublishedCycle>>> ExecuteAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsBureau && caller.Role != Role.Ministry)
        {
            return new Failure.NotFound("There are no published audit cycles that you can see.");
        }
        var cycles = (await ReadCycles.AllAsync(rounds, new RoundQuery(RoundStatus.Published), cancellationToken))
            .Select(r => r.Round.Cycle).OfType<string>().Distinct(StringComparer.Ordinal).OrderByDescending(c => c, StringComparer.Ordinal);
        var result = new List<PublishedCycle>();
        foreach (var cycle in cycles)
        {
            var waves = (await scope.RoundsAsync(cycle, cancellationToken)).Where(r => r.Round.Status == RoundStatus.Published).OrderBy(r => r.Round.OpensAt).ToList();
            if (waves.Count > 0)
            {
                result.Add(new PublishedCycle(cycle, waves));
            }
        }
        return result;
    }
}
