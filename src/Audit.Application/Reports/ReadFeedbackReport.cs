namespace Audit.Application.Reports;

/// <summary>
/// A participation's feedback report, which is confidential: the bureau always, the institution's own respondents
/// once the round is published, anyone else (the ministry, other institutions) is told it does not exist.
/// </summary>
public sealed class ReadFeedbackReport(ParticipationScopes scopes, ReportInputs inputs, ConfidentialReads reads)
{
    public const string ReadAction = "feedback-report.read";

    public async Task<Outcome<FeedbackData>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (!caller.MaySeeFeedback(scope.Round.Round))
        {
            return ParticipationScopes.NotFound(participationId);
        }
        if (await inputs.FeedbackAsync(scope, cancellationToken) is not { } data)
        {
            return new Failure.Conflict(
                $"The feedback report compares the institution with its sector, and the sector view of {scope.Participation.InstitutionType.ToWireName()} in round '{scope.Round.Round.Id}' has not been computed yet.");
        }
        return data;
    }

    /// <summary>
    /// Puts a bureau read on record once the report has been delivered. Not in <see cref="ExecuteAsync"/>: a report
    /// that could not be rendered (a PDF without a browser) gave nothing away. <paramref name="summary"/> names the
    /// language, format and fingerprint of what left the service.
    /// </summary>
    public Task RecordDeliveredAsync(Caller caller, string participationId, string summary, CancellationToken cancellationToken) =>
        reads.RecordAsync(caller, ReadAction, participationId, summary, cancellationToken);
}
