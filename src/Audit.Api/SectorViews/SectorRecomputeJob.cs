namespace Audit.Api.SectorViews;

/// <summary>
/// Placeholder so the collection API can enqueue the recompute; the real job (being written in parallel)
/// replaces this file. The dirty mark written with the accept is what matters: the sweep redoes any lost job.
/// </summary>
public sealed class SectorRecomputeJob
{
    public Task RunAsync(string roundId, string institutionType, CancellationToken cancellationToken) => Task.CompletedTask;
}
