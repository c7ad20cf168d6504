using Audit.Application.SectorViews;
using Audit.Core.Institutions;
using Hangfire;

namespace Audit.Api.SectorViews;

/// <summary>
/// Enqueues a Hangfire job. If this process dies between the commit and this call, the dirty mark is still
/// there and the sweep picks it up.
/// </summary>
public sealed class HangfireSectorRecomputeScheduler(IBackgroundJobClient jobs) : ISectorRecomputeScheduler
{
    public void Enqueue(string roundId, InstitutionType type) =>
        jobs.Enqueue<SectorRecomputeJob>(job => job.RunAsync(roundId, type.ToWireName(), CancellationToken.None));
}
