using Audit.Application.CycleFindings;
using Audit.Core.CycleFindings;
using Audit.Core.DeepDives;

namespace Audit.Application.Reports;

/// <summary>One published wave of a cycle as the national report uses it; the deep-dive in counts only.</summary>
public sealed record NationalWaveData(ParliamentReportData Round, IReadOnlyList<DeepDiveCounts> DeepDives);

/// <summary>
/// Everything the national report shows: the cycle's PUBLISHED rounds with their current published sector views and
/// approved sector findings (<see cref="ReportInputs.ParliamentAsync"/>), and the cycle summary only when it is
/// approved as it now is. A draft or a changed version is not in here, so it can reach no report.
/// </summary>
public sealed record NationalReportData(string Cycle, IReadOnlyList<NationalWaveData> Waves, CycleFindingsRecord? ApprovedSummary);

/// <summary>
/// The national report to parliament of an audit cycle. Access like the per-round report
/// (<see cref="Publication.MaySeeStatistics"/>) but over published rounds only, for the bureau too: the report is the
/// document that goes to parliament, so an unpublished wave is not in it. A malformed or unknown cycle, or one without
/// a published round with a computed view, is not found.
/// </summary>
public sealed class ReadNationalReport(CycleScope cycles, ReportInputs inputs, ICycleFindingsRepository summaries, IDeepDiveRepository deepDives)
{
    public async Task<Outcome<NationalReportData>> ExecuteAsync(Caller caller, string cycle, CancellationToken cancellationToken)
    {
        var waves = new List<NationalWaveData>();
        foreach (var round in await cycles.RoundsAsync(cycle, cancellationToken))
        {
            if (!Publication.IsPublished(round.Round) || !caller.MaySeeStatistics(round.Round)
                || await inputs.ParliamentAsync(round, cancellationToken) is not { } data)
            {
                continue;
            }
            waves.Add(new NationalWaveData(data, await deepDives.CountsAsync(round.Round.Id, cancellationToken)));
        }
        if (waves.Count == 0)
        {
            return new Failure.NotFound($"There is no audit cycle '{cycle}' with a published round that you can see.");
        }
        var summary = await summaries.GetAsync(cycle, cancellationToken);
        return new NationalReportData(cycle, waves, summary is { IsApproved: true } ? summary : null);
    }
}
