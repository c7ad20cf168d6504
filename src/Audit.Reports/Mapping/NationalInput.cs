using Audit.Core.CycleFindings;
using Audit.Core.DeepDives;
using Audit.Core.Rounds;
using Audit.Core.SectorFindings;

namespace Audit.Reports.Mapping;

/// <summary>
/// One wave of a cycle as the national report uses it: a published round, its questionnaire (in the report's
/// language), its published sector views and its baseline round.
/// </summary>
public sealed record NationalWave(Round Round, Questionnaire Questionnaire, IReadOnlyList<SectorView> PublishedViews, Round? BaselineRound = null)
{
    /// <summary>The bureau's sector findings of the round; the mapper uses only those approved as they now are.</summary>
    public IReadOnlyList<SectorFindingsRecord> Findings { get; init; } = [];

    /// <summary>The deep-dive in counts per type; never its notes.</summary>
    public IReadOnlyList<DeepDiveCounts> DeepDives { get; init; } = [];
}

/// <summary>
/// Everything the national report is made of. <see cref="CycleSummary"/> reaches the report only when it is approved
/// as it now is (<see cref="CycleFindingsRecord.IsApproved"/>): the caller should pass no other, and the mapper checks.
/// </summary>
public sealed record NationalInput(string Cycle, IReadOnlyList<NationalWave> Waves, CycleFindingsRecord? CycleSummary = null);
