namespace Audit.Application.Reports;

/// <summary>
/// A participation's board conversation pack: two pages condensed from its feedback report, so it has exactly the
/// feedback report's access and inputs (<see cref="ReadFeedbackReport"/>): the bureau always, the institution's own
/// respondents once the round is published, anyone else told it does not exist. A bureau read is on record under an
/// action of its own, so the audit trail tells the two documents apart.
/// </summary>
public sealed class ReadBoardSummary(ReadFeedbackReport feedback, ConfidentialReads reads)
{
    public const string ReadAction = "board-summary.read";

    public Task<Outcome<FeedbackData>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken) =>
        feedback.ExecuteAsync(caller, participationId, cancellationToken);

    /// <summary>Puts a bureau read on record once the summary has been delivered (see <see cref="ReadFeedbackReport.RecordDeliveredAsync"/>).</summary>
    public Task RecordDeliveredAsync(Caller caller, string participationId, string summary, CancellationToken cancellationToken) =>
        reads.RecordAsync(caller, ReadAction, participationId, summary, cancellationToken);
}
