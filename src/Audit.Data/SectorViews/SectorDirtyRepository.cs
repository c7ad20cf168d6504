using Audit.Core.Institutions;
using Audit.Core.SectorViews;
using Audit.Data.Institutions;
using Audit.Data.Rounds;

namespace Audit.Data.SectorViews;

public sealed class SectorDirtyRepository(IDbConnectionFactory factory) : ISectorDirtyRepository
{
    private readonly SectorDirtySql _sql = new(factory.Dialect);
    private readonly RoundSql _rounds = new(factory.Dialect);

    public async Task<IReadOnlyList<SectorDirtyMark>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MarkRow>(new CommandDefinition(_sql.List, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToMark()).ToList();
    }

    public Task<IReadOnlyList<SectorDirtyMark>> MarkAsync(
        string roundId, IReadOnlyCollection<InstitutionType> types, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync<IReadOnlyList<SectorDirtyMark>>(factory, async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(_rounds.Exists, new { id = roundId }, t, cancellationToken: cancellationToken)) == 0)
            {
                throw new ArgumentException($"Round '{roundId}' does not exist.", nameof(roundId));
            }
            var marks = new List<SectorDirtyMark>();
            foreach (var type in types.Distinct().OrderBy(t => t.ToWireName(), StringComparer.Ordinal))
            {
                await SectorDirtyMarks.MarkAsync(c, t, _sql, roundId, type, now, cancellationToken);
                var row = await c.QuerySingleAsync<MarkRow>(new CommandDefinition(
                    _sql.Get, new { round_id = roundId, institution_type = type.ToWireName() }, t, cancellationToken: cancellationToken));
                marks.Add(row.ToMark());
            }
            await AuditEventRepository.WriteAsync(c, t,
                actor.Did("sector_views.marked_dirty", "round", roundId, now, string.Join(", ", marks.Select(m => m.InstitutionType.ToWireName()))),
                cancellationToken);
            return (true, marks);
        }, cancellationToken);

    public async Task<bool> ClearIfUnchangedAsync(string roundId, InstitutionType institutionType, long seq, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(_sql.ClearIfUnchanged,
            new { round_id = roundId, institution_type = institutionType.ToWireName(), seq }, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class MarkRow
    {
        public string RoundId { get; set; } = "";
        public string InstitutionType { get; set; } = "";
        public long Seq { get; set; }
        public DateTimeOffset MarkedAt { get; set; }

        public SectorDirtyMark ToMark() => new(RoundId, InstitutionRepository.ParseType(InstitutionType, RoundId), Seq, MarkedAt);
    }
}
