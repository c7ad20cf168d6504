using Audit.Core.Access;
using Audit.Core.Mail;
using Audit.Core.Reviews;
using Audit.Data.Mail;
using Audit.Core.Rounds;
using Audit.Data.Rounds;
using Audit.Data.SectorViews;

namespace Audit.Data.Reviews;

public sealed class ReviewRepository(IDbConnectionFactory factory) : IReviewRepository
{
    public const string IdPrefix = "rv_";

    /// <summary>Reviews happen while the round is open and after its deadline; see <see cref="ParticipationRules.CanReview"/>.</summary>
    private static readonly RoundStatus[] ReviewableRounds = [RoundStatus.Open, RoundStatus.Closed];

    private readonly ReviewSql _sql = new(factory.Dialect);
    private readonly ParticipationStateSql _state = new(factory.Dialect);
    private readonly SectorDirtySql _dirty = new(factory.Dialect);
    private readonly ParticipationRepository _participations = new(factory);
    private readonly MailOutboxSql _outbox = new(factory.Dialect);

    public Task<ReviewResult> ReviewAsync(
        string participationId, ReviewOutcome decision, IReadOnlyList<ReviewRemark> remarks, string? summary, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default, Func<ReviewRecord, IReadOnlyList<OutgoingMail>>? mailsFor = null)
    {
        var duplicate = remarks.GroupBy(r => r.QuestionKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two remarks on question '{duplicate.Key}'.", nameof(remarks));
        }
        var to = ParticipationRules.AfterReview(ParticipationStatus.Submitted, decision);
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var state = await ParticipationState.ReadAsync(c, t, _state, participationId, cancellationToken);
            if (state is null)
            {
                return (false, new ReviewResult(ReviewSaveOutcome.NotFound, null, null));
            }
            // The compare-and-set decides: of two concurrent reviews, the second finds the status changed.
            if (!await ParticipationState.ChangeAsync(c, t, _state, participationId, ParticipationStatus.Submitted, to, ReviewableRounds,
                    actor, now, cancellationToken))
            {
                return (false, await RefusedAsync(c, t, participationId, cancellationToken));
            }
            if (decision == ReviewOutcome.Accept)
            {
                // The hook for the aggregation: owed work is a row, committed with its cause or not at all.
                await SectorDirtyMarks.MarkAsync(c, t, _dirty, state.RoundId, state.Type, now, cancellationToken);
            }
            var review = new ReviewRecord(AccessTokens.NewId(IdPrefix), participationId, 0, decision, summary, actorId, now,
                remarks.OrderBy(r => r.QuestionKey, StringComparer.Ordinal).ToList());
            review = review with
            {
                Number = (int)await c.ExecuteScalarAsync<long>(new CommandDefinition(
                    _sql.NextNumber, new { participation_id = participationId }, t, cancellationToken: cancellationToken)),
            };
            await c.ExecuteAsync(new CommandDefinition(_sql.Insert, new
            {
                id = review.Id,
                participation_id = participationId,
                number = review.Number,
                decision = decision.ToWireName(),
                summary,
                reviewed_by = actorId,
                reviewed_at = now,
            }, t, cancellationToken: cancellationToken));
            foreach (var remark in review.Remarks)
            {
                await c.ExecuteAsync(new CommandDefinition(_sql.InsertRemark,
                    new { review_id = review.Id, question_key = remark.QuestionKey, text = remark.Text }, t, cancellationToken: cancellationToken));
            }
            var queued = 0;
            foreach (var mail in mailsFor?.Invoke(review) ?? [])
            {
                if (await MailOutboxRepository.EnqueueAsync(c, t, _outbox, mail, now, cancellationToken))
                {
                    queued++;
                }
            }
            await AuditEventRepository.WriteAsync(c, t,
                actor.Did("participation." + to.ToWireName(), "participation", participationId, now,
                    $"review {review.Number}, {review.Remarks.Count} remarks" + (queued > 0 ? $", {queued} mails queued" : "")), cancellationToken);
            var participation = await _participations.GetAsync(c, t, participationId, cancellationToken);
            return (true, new ReviewResult(ReviewSaveOutcome.Reviewed, review, participation));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ReviewRecord>> ListAsync(string participationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var parameters = new { participation_id = participationId };
        var reviews = await connection.QueryAsync<ReviewRow>(new CommandDefinition(_sql.List, parameters, cancellationToken: cancellationToken));
        var remarks = (await connection.QueryAsync<RemarkRow>(new CommandDefinition(_sql.Remarks, parameters, cancellationToken: cancellationToken)))
            .OrderBy(r => r.QuestionKey, StringComparer.Ordinal)
            .ToLookup(r => r.ReviewId, r => new ReviewRemark(r.QuestionKey, r.Text), StringComparer.Ordinal);
        return reviews.Select(r => r.ToRecord(remarks[r.Id].ToList())).ToList();
    }

    public async Task<IReadOnlyList<ReviewRemark>> LatestRemarksAsync(string participationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RemarkRow>(new CommandDefinition(
            _sql.LatestRemarks, new { participation_id = participationId }, cancellationToken: cancellationToken));
        // Key order, sorted here: engines collate text differently.
        return rows.Select(r => new ReviewRemark(r.QuestionKey, r.Text)).OrderBy(r => r.QuestionKey, StringComparer.Ordinal).ToList();
    }

    private async Task<ReviewResult> RefusedAsync(DbConnection c, DbTransaction t, string participationId, CancellationToken cancellationToken)
    {
        var refusal = await _participations.ExplainRefusalAsync(c, t, participationId, ParticipationStatus.Submitted, ParticipationRules.CanReview,
            cancellationToken);
        var outcome = refusal.Kind switch
        {
            RefusalKind.NotFound => ReviewSaveOutcome.NotFound,
            RefusalKind.StatusMismatch => ReviewSaveOutcome.StatusMismatch,
            _ => ReviewSaveOutcome.NotAllowed,
        };
        return new ReviewResult(outcome, null, refusal.Current, refusal.Reason);
    }

    private sealed class ReviewRow
    {
        public string Id { get; set; } = "";
        public string ParticipationId { get; set; } = "";
        public int Number { get; set; }
        public string Decision { get; set; } = "";
        public string? Summary { get; set; }
        public string ReviewedBy { get; set; } = "";
        public DateTimeOffset ReviewedAt { get; set; }

        public ReviewRecord ToRecord(IReadOnlyList<ReviewRemark> remarks) => new(
            Id, ParticipationId, Number,
            ReviewDecisions.TryParse(Decision, out var decision) ? decision : throw new InvalidOperationException($"Unknown decision '{Decision}'."),
            Summary, ReviewedBy, ReviewedAt, remarks);
    }

    private sealed class RemarkRow
    {
        public string ReviewId { get; set; } = "";
        public string QuestionKey { get; set; } = "";
        public string Text { get; set; } = "";
    }
}
