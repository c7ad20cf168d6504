namespace Audit.Application.SectorViews;

/// <summary>
/// Asks for a sector view recompute after the commit that marked it dirty. Only a request: if it is lost, the dirty
/// mark written in the same transaction as its cause makes the sweep do it.
/// </summary>
public interface ISectorRecomputeScheduler
{
    void Enqueue(string roundId, InstitutionType type);
}
