using Audit.Core.Access;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Data.Rounds;

namespace Audit.Data.Reviews;

public sealed class SubmissionRepository(IDbConnectionFactory factory) : ISubmissionRepository
{
    public const string IdPrefix = "s_";

    private static readonly RoundStatus[] OpenOnly = [RoundStatus.Open];

    private readonly SubmissionSql _sql = new(factory.Dialect);
    private readonly ParticipationStateSql _state = new(factory.Dialect);
    private readonly ParticipationRepository _participations = new(factory);

    public Task<SubmitResult> SubmitAsync(
        string participationId, ParticipationStatus expectedStatus, SubmissionSnapshot snapshot, Actor actor, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var check = ParticipationTransitions.Check(expectedStatus, ParticipationStatus.Submitted);
        if (!check.IsAllowed)
        {
            throw new InvalidOperationException(check.Error);
        }
        var actorId = ParticipationState.ActorId(actor);
        return UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var before = await _participations.GetAsync(c, t, participationId, cancellationToken);
            if (before is null)
            {
                return (false, new SubmitResult(SubmitOutcome.NotFound, null, null));
            }
            // The compare-and-set comes first: it waits for answer writes holding the share lock and makes later ones
            // see 'submitted', so the answers read next are final.
            if (!await ParticipationState.ChangeAsync(c, t, _state, participationId, expectedStatus, ParticipationStatus.Submitted, OpenOnly,
                    actor, now, cancellationToken))
            {
                var refusal = await _participations.ExplainRefusalAsync(c, t, participationId, expectedStatus, ParticipationRules.CanSubmit,
                    cancellationToken);
                var outcome = refusal.Kind switch
                {
                    RefusalKind.NotFound => SubmitOutcome.NotFound,
                    RefusalKind.StatusMismatch => SubmitOutcome.StatusMismatch,
                    _ => SubmitOutcome.NotAllowed,
                };
                return (false, new SubmitResult(outcome, null, refusal.Current, refusal.Reason));
            }
            var stored = (await c.QueryAsync<AnswerVersionRow>(new CommandDefinition(
                _sql.AnswerVersions, new { participation_id = participationId }, t, cancellationToken: cancellationToken))).ToList();
            var unchanged = stored.Count == snapshot.AnswerVersions.Count &&
                            stored.All(a => snapshot.AnswerVersions.TryGetValue(a.QuestionKey, out var v) && v == a.Version);
            if (!unchanged)
            {
                return (false, new SubmitResult(SubmitOutcome.AnswersChanged, null, before));
            }
            var number = (int)await c.ExecuteScalarAsync<long>(new CommandDefinition(
                _sql.NextNumber, new { participation_id = participationId }, t, cancellationToken: cancellationToken));
            var submission = new SubmissionRecord(AccessTokens.NewId(IdPrefix), participationId, number, now, actorId, snapshot.ContentHash,
                snapshot.SnapshotJson);
            await c.ExecuteAsync(new CommandDefinition(_sql.Insert, new
            {
                id = submission.Id,
                participation_id = participationId,
                number,
                submitted_at = now,
                submitted_by = actorId,
                content_hash = submission.ContentHash,
                snapshot_json = submission.SnapshotJson,
            }, t, cancellationToken: cancellationToken));
            await AuditEventRepository.WriteAsync(c, t,
                actor.Did("participation.submitted", "participation", participationId, now, $"submission {number} {snapshot.ContentHash}"),
                cancellationToken);
            var participation = await _participations.GetAsync(c, t, participationId, cancellationToken);
            return (true, new SubmitResult(SubmitOutcome.Submitted, submission, participation));
        }, cancellationToken);
    }

    public async Task<SubmissionRecord?> LatestAsync(string participationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SubmissionRow>(new CommandDefinition(
            _sql.Latest, new { participation_id = participationId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    private sealed class AnswerVersionRow
    {
        public string QuestionKey { get; set; } = "";
        public int Version { get; set; }
    }

    private sealed class SubmissionRow
    {
        public string Id { get; set; } = "";
        public string ParticipationId { get; set; } = "";
        public int Number { get; set; }
        public DateTimeOffset SubmittedAt { get; set; }
        public string SubmittedBy { get; set; } = "";
        public string ContentHash { get; set; } = "";
        public string SnapshotJson { get; set; } = "";

        public SubmissionRecord ToRecord() => new(Id, ParticipationId, Number, SubmittedAt, SubmittedBy, ContentHash, SnapshotJson);
    }
}
