using Audit.Core.Evidence;
using Audit.Core.Reviews;

namespace Audit.Application.Answers;

/// <summary>Everything the institution works on, as one caller may see it; <see cref="Editable"/> says whether writes are accepted now.</summary>
public sealed record AnswerSet(
    ParticipationScope Scope, bool Editable, IReadOnlyList<AnswerRecord> Answers, IReadOnlyList<EvidenceRecord> Evidence,
    IReadOnlyList<ReviewRemark> Remarks);

/// <summary>
/// Reads a participation's answers: the institution's own respondents and the bureau, never the ministry. Each read
/// by the bureau is recorded as a confidential read before the answers leave the service.
/// </summary>
public sealed class ReadAnswers(
    ParticipationScopes scopes, IAnswerRepository answers, IEvidenceRepository evidence, IReviewRepository reviews, ConfidentialReads reads)
{
    public async Task<Outcome<AnswerSet>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        await reads.RecordAsync(caller, "answers.read", participationId, null, cancellationToken);
        var current = await answers.ListAsync(participationId, cancellationToken);
        var documents = await evidence.ListAsync(participationId, null, cancellationToken);
        var remarks = await reviews.LatestRemarksAsync(participationId, cancellationToken);
        return new AnswerSet(scope, scope.CanEditAnswers.IsAllowed, current, documents, remarks);
    }

    /// <summary>Every version of one answer, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<AnswerVersion>>> HistoryAsync(
        Caller caller, string participationId, string questionKey, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (scope.Questionnaire.FindQuestion(questionKey) is null)
        {
            return new Failure.NotFound($"The questionnaire of this participation has no question '{questionKey}'.");
        }
        await reads.RecordAsync(caller, "answers.history-read", participationId, questionKey, cancellationToken);
        var versions = await answers.HistoryAsync(participationId, questionKey, cancellationToken);
        return Outcome.Of(versions);
    }
}
