namespace Audit.Application.Reports;

/// <summary>
/// The report to parliament, made of every computed sector view of the round: the bureau always, the ministry once
/// the round is published (<see cref="Publication.MaySeeStatistics"/>).
/// </summary>
public sealed class ReadParliamentReport(IRoundRepository rounds, ReportInputs inputs)
{
    public async Task<Outcome<ParliamentReportData>> ExecuteAsync(Caller caller, string roundId, CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } round || !caller.MaySeeStatistics(round.Round))
        {
            return new Failure.NotFound($"Round '{roundId}' has no report to parliament that you can see.");
        }
        if (await inputs.ParliamentAsync(round, cancellationToken) is not { } data)
        {
            return new Failure.Conflict($"No sector view of round '{roundId}' has been computed yet; the report to parliament is made of them.");
        }
        return data;
    }
}
