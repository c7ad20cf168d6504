using Audit.Core.AuditTrail;

namespace Audit.Application.Reports;

/// <summary>
/// One institution type's published statistics, as the sector report or as open-data CSV: the bureau always, the
/// ministry once the round is published (<see cref="Publication.MaySeeStatistics"/>).
/// </summary>
public sealed class ReadSectorReport(IRoundRepository rounds, ReportInputs inputs, IAuditEventRepository audit, TimeProvider clock)
{
    public async Task<Outcome<SectorReportData>> ExecuteAsync(Caller caller, string roundId, string institutionType, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(roundId, cancellationToken);
        if (round is null || !caller.MaySeeStatistics(round.Round) || await inputs.SectorAsync(round, institutionType, cancellationToken) is not { } data)
        {
            return new Failure.NotFound($"There is no sector view of '{institutionType}' in round '{roundId}' that you can see.");
        }
        return data;
    }

    /// <summary>
    /// The same statistics for the CSV export. Every export is on the audit trail, whoever makes it: the file leaves
    /// the service and is not traced after. The event is named as a read (<c>*.read-export</c>): an export changes nothing.
    /// </summary>
    public async Task<Outcome<SectorReportData>> ExportAsync(Caller caller, string roundId, string institutionType, CancellationToken cancellationToken)
    {
        var read = await ExecuteAsync(caller, roundId, institutionType, cancellationToken);
        if (read.IsOk)
        {
            await audit.RecordAsync(caller.ToActor().Did("sector-view.read-export", "sector-view", $"{roundId}/{institutionType}", clock.GetUtcNow(),
                $"csv {read.Value.Sector.Fingerprint}"), cancellationToken);
        }
        return read;
    }
}
