using Audit.Core.AuditTrail;
using Audit.Core.Reports;

namespace Audit.Application.Reports;

/// <summary>Asks for a render of a round's reports (a background job).</summary>
public interface IReportRenderScheduler
{
    /// <summary>Returns the job's id.</summary>
    string Enqueue(string roundId);
}

/// <summary>The render job asked for, and the round whose stored files it will add to.</summary>
public sealed record RenderRequested(string JobId, string RoundId);

/// <summary>
/// The bureau queues the render of every report of a round, and lists the files the job stored. Pressing twice is
/// harmless: a second render of unchanged inputs stores nothing new.
/// </summary>
public sealed class RenderRoundReports(
    IRoundRepository rounds, IReportRenderScheduler scheduler, IRenderedReportRepository stored, IAuditEventRepository audit, TimeProvider clock)
{
    /// <param name="fromWebPage">Pressed on the round's dashboard rather than called through the API; the audit event says which.</param>
    public async Task<Outcome<RenderRequested>> ExecuteAsync(Caller caller, string roundId, bool fromWebPage, CancellationToken cancellationToken)
    {
        var found = await rounds.BureauRoundAsync(caller, roundId, cancellationToken);
        if (!found.IsOk)
        {
            return found.Fail<RenderRequested>();
        }
        var jobId = scheduler.Enqueue(roundId);
        await audit.RecordAsync(caller.ToActor().Did("reports.render-requested", "round", roundId, clock.GetUtcNow(),
            $"job {jobId}" + (fromWebPage ? " (web page)" : "")), cancellationToken);
        return new RenderRequested(jobId, roundId);
    }

    /// <summary>The files stored for the round so far, without their bytes.</summary>
    public async Task<Outcome<IReadOnlyList<StoredReportSummary>>> ListAsync(Caller caller, string roundId, CancellationToken cancellationToken)
    {
        var found = await rounds.BureauRoundAsync(caller, roundId, cancellationToken);
        return found.IsOk ? Outcome.Of(await stored.ListAsync(roundId, cancellationToken)) : found.Fail<IReadOnlyList<StoredReportSummary>>();
    }
}
