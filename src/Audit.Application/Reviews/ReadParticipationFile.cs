using System.Text.Json;
using Audit.Core.Evidence;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;

namespace Audit.Application.Reviews;

/// <summary>
/// Everything the institution handed in, as the bureau reviews it: the answers (<see cref="Values"/> parsed, for
/// visibility), evidence, the latest review's remarks, each visible answer's versions when asked for, the latest
/// submission, every review, and the names of everyone who appears in it.
/// </summary>
public sealed record ParticipationFile(
    ParticipationScope Scope, IReadOnlyList<AnswerRecord> Answers, IReadOnlyDictionary<string, JsonElement> Values, CompletenessResult Completeness,
    IReadOnlyList<EvidenceRecord> Evidence, IReadOnlyList<ReviewRemark> LatestRemarks, IReadOnlyDictionary<string, IReadOnlyList<AnswerVersion>> History,
    SubmissionRecord? LatestSubmission, IReadOnlyList<ReviewRecord> Reviews, IReadOnlyDictionary<string, string> Names,
    FollowUps.FollowUpSet? FollowUps = null)
{
    public bool CanReview => ParticipationRules.CanReview(Scope.Round.Round.Status, Scope.Participation.Status).IsAllowed;

    public string NameOf(string userId) => Names.GetValueOrDefault(userId) ?? userId;
}

/// <summary>
/// Reads a participation's file for the bureau's pages. The answers are confidential: each read is recorded
/// (<c>answers.read</c>, with the page it is shown on) before they leave the service.
/// </summary>
public sealed class ReadParticipationFile(
    ParticipationScopes scopes, IAnswerRepository answers, IEvidenceRepository evidence, IReviewRepository reviews,
    ISubmissionRepository submissions, IUserRepository users, ConfidentialReads reads, FollowUps.BaselineRecommendations recommendations)
{
    /// <param name="shownOn">Where the answers are shown, for the audit trail (e.g. "bureau page").</param>
    /// <param name="withHistory">Adds every visible answer's versions (one query per answer).</param>
    public async Task<Outcome<ParticipationFile>> ExecuteAsync(
        Caller caller, string participationId, string shownOn, bool withHistory, CancellationToken cancellationToken)
    {
        var found = await scopes.ForBureauAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        await reads.RecordAsync(caller, "answers.read", participationId, shownOn, cancellationToken);
        var current = await answers.ListAsync(participationId, cancellationToken);
        var values = AnswerInput.Values(current);
        var history = new Dictionary<string, IReadOnlyList<AnswerVersion>>(StringComparer.Ordinal);
        if (withHistory)
        {
            foreach (var question in scope.Questionnaire.AllQuestions.Where(q => values.ContainsKey(q.Key) && Visibility.IsVisible(scope.Questionnaire, q, values)))
            {
                history[question.Key] = await answers.HistoryAsync(participationId, question.Key, cancellationToken);
            }
        }
        var documents = await evidence.ListAsync(participationId, null, cancellationToken);
        var remarks = await reviews.LatestRemarksAsync(participationId, cancellationToken);
        var latest = await submissions.LatestAsync(participationId, cancellationToken);
        var all = await reviews.ListAsync(participationId, cancellationToken);
        var names = await UserNames.ResolveAsync(users, current.Select(a => a.UpdatedBy).Concat(documents.Select(e => e.UploadedBy))
            .Concat(history.Values.SelectMany(h => h.Select(v => v.ChangedBy))).Concat(all.Select(r => r.ReviewedBy))
            .Concat(latest is null ? [] : [latest.SubmittedBy]), cancellationToken);
        // The follow-up of the baseline round's recommendations is part of what the institution submits, so the review shows it.
        return new ParticipationFile(scope, current, values, AnswerValidator.CompletenessCheck(scope.Questionnaire, values), documents, remarks, history,
            latest, all, names, await recommendations.ForAsync(scope, cancellationToken));
    }

    /// <summary>
    /// The participation and its questionnaire, without anything the institution wrote (so not a confidential read):
    /// what a form posted to the bureau's pages is read against.
    /// </summary>
    public Task<Outcome<ParticipationScope>> ScopeAsync(Caller caller, string participationId, CancellationToken cancellationToken) =>
        scopes.ForBureauAsync(participationId, caller, cancellationToken);
}
