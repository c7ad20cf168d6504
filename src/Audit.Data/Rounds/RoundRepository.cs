using Audit.Core.Paging;
using Audit.Core.Rounds;
using Audit.Data.Paging;

namespace Audit.Data.Rounds;

public sealed class RoundRepository(IDbConnectionFactory factory) : IRoundRepository
{
    private readonly RoundSql _sql = new(factory.Dialect);

    public Task<Page<RoundRecord>> ListAsync(RoundQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        var filter = new SqlFilter();
        if (query.Status is { } status)
        {
            filter.Add("status = @status", "status", status.ToWireName());
        }
        if (query.Cycle is { } cycle)
        {
            filter.Add("cycle = @cycle", "cycle", cycle);
        }
        return PagedQuery.ReadAsync<RoundRow, RoundRecord>(factory, _sql.Count + filter.Where, _sql.Select + filter.Where + _sql.Page(page.Offset, page.Limit),
            filter.Parameters, page, r => r.ToRecord(), cancellationToken);
    }

    public async Task<RoundRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public Task<RoundInsertOutcome> InsertAsync(Round round, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            // Checked first for a precise answer; the foreign keys still guard the insert itself.
            var questionnaire = new { key = round.Questionnaire.Key, version = round.Questionnaire.Version };
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(_sql.QuestionnaireExists, questionnaire, t, cancellationToken: cancellationToken)) == 0)
            {
                return (false, RoundInsertOutcome.QuestionnaireNotFound);
            }
            if (round.BaselineRoundId is { } baseline &&
                await c.ExecuteScalarAsync<long>(new CommandDefinition(_sql.Exists, new { id = baseline }, t, cancellationToken: cancellationToken)) == 0)
            {
                return (false, RoundInsertOutcome.BaselineNotFound);
            }
            var dominance = round.Disclosure.EffectiveDominance;
            var inserted = await c.ExecuteAsync(new CommandDefinition(_sql.Insert, new
            {
                id = round.Id,
                title = round.Title,
                questionnaire_key = round.Questionnaire.Key,
                questionnaire_version = round.Questionnaire.Version,
                baseline_round_id = round.BaselineRoundId,
                opens_at = round.OpensAt,
                closes_at = round.ClosesAt,
                min_group_size = round.Disclosure.MinGroupSize,
                dominance_n = dominance.N,
                dominance_k = dominance.K,
                status = round.Status.ToWireName(),
                created_at = audit.OccurredAt,
                updated_at = audit.OccurredAt,
                reference_date = ReferenceDates.Format(round.ReferenceDate),
                cycle = round.Cycle,
            }, t, cancellationToken: cancellationToken)) == 1;
            if (!inserted)
            {
                return (false, RoundInsertOutcome.IdTaken);
            }
            await AuditEventRepository.WriteAsync(c, t, audit, cancellationToken);
            return (true, RoundInsertOutcome.Inserted);
        }, cancellationToken);

    public Task<StatusChangeResult<RoundRecord>> ChangeStatusAsync(
        string id, RoundStatus expected, RoundStatus to, AuditEvent audit, CancellationToken cancellationToken = default)
    {
        var check = RoundTransitions.Check(expected, to);
        if (!check.IsAllowed)
        {
            throw new InvalidOperationException(check.Error);
        }
        var parameters = new { id, expected = expected.ToWireName(), to = to.ToWireName(), now = audit.OccurredAt, actorId = audit.ActorId };
        return StatusChanges.ApplyAsync(factory, _sql.ChangeStatus, _sql.InsertStatusChange, parameters, audit,
            (c, t) => GetAsync(c, t, id, cancellationToken), cancellationToken);
    }

    public Task<RoundUpdateResult> UpdateAsync(Round changed, int expectedVersion, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var updated = await c.ExecuteAsync(new CommandDefinition(_sql.Update, new
            {
                id = changed.Id,
                title = changed.Title,
                closes_at = changed.ClosesAt,
                reference_date = ReferenceDates.Format(changed.ReferenceDate),
                cycle = changed.Cycle,
                now = audit.OccurredAt,
                expected = expectedVersion,
            }, t, cancellationToken: cancellationToken)) == 1;
            if (updated)
            {
                await AuditEventRepository.WriteAsync(c, t, audit, cancellationToken);
            }
            return (updated, new RoundUpdateResult(updated, await GetAsync(c, t, changed.Id, cancellationToken)));
        }, cancellationToken);

    public Task<IReadOnlyList<StatusHistoryEntry<RoundStatus>>> StatusHistoryAsync(string id, CancellationToken cancellationToken = default) =>
        StatusChanges.HistoryAsync(factory, _sql.StatusHistory, id, StatusChanges.ParseRound, cancellationToken);

    internal async Task<RoundRecord?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(_sql.Get, new { id }, transaction, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    internal sealed class RoundRow
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public string QuestionnaireKey { get; set; } = "";
        public string QuestionnaireVersion { get; set; } = "";
        public string? BaselineRoundId { get; set; }
        public DateTimeOffset OpensAt { get; set; }
        public DateTimeOffset ClosesAt { get; set; }
        public int MinGroupSize { get; set; }
        public int DominanceN { get; set; }
        /// <summary>
        /// Read as whatever the engine returns: SQLite gives an integer for 85 and a real for 85.5 in the same column, and
        /// a typed property makes the row reader fail on the first row whose type differs from the first row's.
        /// </summary>
        public object DominanceK { get; set; } = 0m;
        public string Status { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public int RowVersion { get; set; }
        public string? ReferenceDate { get; set; }
        public string? Cycle { get; set; }

        public RoundRecord ToRecord() => new(
            new Round(
                Id, Title, new QuestionnaireRef(QuestionnaireKey, QuestionnaireVersion), OpensAt, ClosesAt,
                new DisclosureSettings(MinGroupSize, new DominanceRule(DominanceN, Convert.ToDecimal(DominanceK, System.Globalization.CultureInfo.InvariantCulture))),
                StatusChanges.ParseRound(Status), BaselineRoundId, ReferenceDates.Parse(ReferenceDate, Id), Cycle),
            RowVersion, CreatedAt, UpdatedAt);
    }
}
