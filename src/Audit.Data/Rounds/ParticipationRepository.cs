using Audit.Core.Access;
using Audit.Core.Institutions;
using Audit.Core.Mail;
using Audit.Data.Mail;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Audit.Data.Institutions;
using Audit.Data.Paging;

namespace Audit.Data.Rounds;

public sealed class ParticipationRepository(IDbConnectionFactory factory) : IParticipationRepository
{
    /// <summary>Participation ids are random, so they reveal neither the institution nor the order of invitation.</summary>
    public const string IdPrefix = "p_";

    private readonly ParticipationSql _sql = new(factory.Dialect);
    private readonly InstitutionSql _institutions = new(factory.Dialect);
    private readonly RoundSql _rounds = new(factory.Dialect);
    private readonly ParticipationStateSql _state = new(factory.Dialect);
    private readonly MailOutboxSql _outbox = new(factory.Dialect);

    public Task<InviteResult> InviteAsync(
        string roundId, IReadOnlyCollection<string> institutionIds, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InviteAsync(roundId, registry => institutionIds, actor, now, cancellationToken);

    public Task<InviteResult> InviteByTypesAsync(
        string roundId, IReadOnlyCollection<InstitutionType> types, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        InviteAsync(roundId,
            registry => registry.Values.Where(i => i.Active && types.Contains(i.InstitutionType)).Select(i => i.Id).ToList(),
            actor, now, cancellationToken);

    public Task<Page<ParticipationRecord>> ListByRoundAsync(string roundId, PageRequest page, CancellationToken cancellationToken = default) =>
        PagedQuery.ReadAsync<ParticipationRow, ParticipationRecord>(factory, _sql.CountOfRound, _sql.PageOfRound(page.Offset, page.Limit), new { roundId },
            page, r => r.ToRecord(), cancellationToken);

    public async Task<IReadOnlyList<InstitutionType>> InstitutionTypesAsync(string roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var types = await connection.QueryAsync<string>(new CommandDefinition(_sql.TypesOfRound, new { roundId }, cancellationToken: cancellationToken));
        return [.. types.Select(t => InstitutionRepository.ParseType(t, "of round " + roundId)).Order()];
    }

    public async Task<ParticipationRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public async Task<ParticipationRecord?> FindAsync(string roundId, string institutionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ParticipationRow>(
            new CommandDefinition(_sql.Find, new { roundId, institutionId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public Task<StatusChangeResult<ParticipationRecord>> ChangeStatusAsync(
        string id, ParticipationStatus expected, ParticipationStatus to, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        var parameters = ParticipationState.ChangeParameters(id, expected, to, audit.OccurredAt, audit.ActorId);
        return StatusChanges.ApplyAsync(factory, _sql.ChangeStatus, _sql.InsertStatusChange, parameters, audit,
            (c, t) => GetAsync(c, t, id, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<StatusHistoryEntry<ParticipationStatus>>> StatusHistoryAsync(string id, CancellationToken cancellationToken = default) =>
        StatusChanges.HistoryAsync(factory, _sql.StatusHistory, id, StatusChanges.ParseParticipation, cancellationToken);

    public Task<ParticipationRecord?> SetDeadlineAsync(
        string id, DateTimeOffset? closesAt, IReadOnlyList<OutgoingMail> mails, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(_sql.SetDeadline, new { id, closesAt, now = audit.OccurredAt }, t, cancellationToken: cancellationToken)) == 0)
            {
                return (false, (ParticipationRecord?)null);
            }
            await AuditEventRepository.WriteAsync(c, t, audit, cancellationToken);
            foreach (var mail in mails)
            {
                await MailOutboxRepository.EnqueueAsync(c, t, _outbox, mail, audit.OccurredAt, cancellationToken);
            }
            return (true, await GetAsync(c, t, id, cancellationToken));
        }, cancellationToken);

    public Task<ParticipationRemoveOutcome> RemoveAsync(string id, bool evenWithAnswers, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            // Checked inside the transaction, so an answer saved since the bureau looked still needs the confirmation.
            if (await GetAsync(c, t, id, cancellationToken) is null)
            {
                return (false, ParticipationRemoveOutcome.NotFound);
            }
            if (!evenWithAnswers && await c.ExecuteScalarAsync<long>(new CommandDefinition(_sql.Work, new { id }, t, cancellationToken: cancellationToken)) > 0)
            {
                return (false, ParticipationRemoveOutcome.HasAnswers);
            }
            if (await c.ExecuteAsync(new CommandDefinition(_sql.Remove, new { id, now = audit.OccurredAt }, t, cancellationToken: cancellationToken)) == 0)
            {
                return (false, ParticipationRemoveOutcome.NotFound);
            }
            await AuditEventRepository.WriteAsync(c, t, audit, cancellationToken);
            return (true, ParticipationRemoveOutcome.Removed);
        }, cancellationToken);

    public async Task<int> AnswerCountAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(_sql.AnswerCount, new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// One transaction: check the round and the institutions, insert the missing participations, read back all
    /// asked for. <paramref name="select"/> picks the institution ids from the registry's current state.
    /// </summary>
    private Task<InviteResult> InviteAsync(
        string roundId, Func<IReadOnlyDictionary<string, InstitutionState>, IReadOnlyCollection<string>> select,
        Actor actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(_rounds.Exists, new { id = roundId }, t, cancellationToken: cancellationToken)) == 0)
            {
                return (false, Refused(InviteOutcome.RoundNotFound, [], []));
            }
            var registry = (await c.QueryAsync<InstitutionStateRow>(new CommandDefinition(_institutions.States, transaction: t, cancellationToken: cancellationToken)))
                .Select(r => r.ToState())
                .ToDictionary(s => s.Id, StringComparer.Ordinal);
            var wanted = select(registry).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var unknown = wanted.Where(id => !registry.ContainsKey(id)).ToList();
            var inactive = wanted.Where(id => registry.TryGetValue(id, out var s) && !s.Active).ToList();
            if (unknown.Count > 0 || inactive.Count > 0)
            {
                return (false, Refused(InviteOutcome.InstitutionsNotInvitable, unknown, inactive));
            }

            var created = new List<string>();
            foreach (var institutionId in wanted)
            {
                if (await c.ExecuteAsync(new CommandDefinition(_sql.Restore, new { roundId, institutionId, now }, t, cancellationToken: cancellationToken)) == 1)
                {
                    var restoredId = await c.ExecuteScalarAsync<string>(
                        new CommandDefinition(_sql.RemovedId, new { roundId, institutionId }, t, cancellationToken: cancellationToken));
                    created.Add(restoredId!);
                    await AuditEventRepository.WriteAsync(c, t,
                        actor.Did("participation.restored", "participation", restoredId!, now, $"{roundId}/{institutionId}"), cancellationToken);
                    continue;
                }
                var participationId = AccessTokens.NewId(IdPrefix);
                var inserted = await c.ExecuteAsync(new CommandDefinition(_sql.Invite, new
                {
                    round_id = roundId,
                    institution_id = institutionId,
                    id = participationId,
                    status = ParticipationStatus.Invited.ToWireName(),
                    created_at = now,
                    updated_at = now,
                }, t, cancellationToken: cancellationToken)) == 1;
                if (inserted)
                {
                    created.Add(participationId);
                    await AuditEventRepository.WriteAsync(c, t,
                        actor.Did("participation.invited", "participation", participationId, now, $"{roundId}/{institutionId}"), cancellationToken);
                }
            }
            var wantedSet = wanted.ToHashSet(StringComparer.Ordinal);
            var all = (await c.QueryAsync<ParticipationRow>(new CommandDefinition(_sql.AllOfRound, new { roundId }, t, cancellationToken: cancellationToken)))
                .Where(r => wantedSet.Contains(r.InstitutionId))
                .OrderBy(r => r.InstitutionId, StringComparer.Ordinal)
                .Select(r => r.ToRecord())
                .ToList();
            return (true, new InviteResult(InviteOutcome.Done, all, created, [], []));
        }, cancellationToken);

    /// <summary>
    /// Inside the caller's transaction, after a compare-and-set from <paramref name="expected"/> changed nothing: the
    /// participation is gone, has moved on, or the round's status fails <paramref name="rule"/> (whose reason is kept).
    /// </summary>
    internal async Task<Refusal> ExplainRefusalAsync(
        DbConnection connection, DbTransaction transaction, string id, ParticipationStatus expected,
        Func<RoundStatus, ParticipationStatus, RuleCheck> rule, CancellationToken cancellationToken)
    {
        var current = await GetAsync(connection, transaction, id, cancellationToken);
        if (current is null)
        {
            return new Refusal(RefusalKind.NotFound, null);
        }
        if (current.Status != expected)
        {
            return new Refusal(RefusalKind.StatusMismatch, current);
        }
        var state = await ParticipationState.ReadAsync(connection, transaction, _state, id, cancellationToken);
        return new Refusal(RefusalKind.NotAllowed, current, rule(state!.Round, current.Status).Reason);
    }

    private static InviteResult Refused(InviteOutcome outcome, IReadOnlyList<string> unknown, IReadOnlyList<string> inactive) =>
        new(outcome, [], [], unknown, inactive);

    /// <summary>Inside a caller's transaction, for the collection and review repositories.</summary>
    internal async Task<ParticipationRecord?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ParticipationRow>(
            new CommandDefinition(_sql.Get, new { id }, transaction, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    private sealed record InstitutionState(string Id, InstitutionType InstitutionType, bool Active);

    private sealed class InstitutionStateRow
    {
        public string Id { get; set; } = "";
        public string Type { get; set; } = "";
        public bool Active { get; set; }

        public InstitutionState ToState() => new(Id, InstitutionRepository.ParseType(Type, Id), Active);
    }

    internal sealed class ParticipationRow
    {
        public string Id { get; set; } = "";
        public string RoundId { get; set; } = "";
        public string InstitutionId { get; set; } = "";
        public string InstitutionName { get; set; } = "";
        public string InstitutionType { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTimeOffset? SubmittedAt { get; set; }
        public DateTimeOffset? AcceptedAt { get; set; }
        public DateTimeOffset? ReturnedAt { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public int RowVersion { get; set; }
        public DateTimeOffset? ClosesAt { get; set; }

        public ParticipationRecord ToRecord() => new(
            Id, RoundId, InstitutionId, InstitutionName, InstitutionRepository.ParseType(InstitutionType, InstitutionId),
            StatusChanges.ParseParticipation(Status), SubmittedAt, AcceptedAt, ReturnedAt, CreatedAt, UpdatedAt, RowVersion, ClosesAt);
    }
}
