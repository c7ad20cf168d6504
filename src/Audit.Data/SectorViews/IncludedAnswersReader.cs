using System.Runtime.CompilerServices;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;

namespace Audit.Data.SectorViews;

/// <summary>
/// Streams accepted answers unbuffered, one participation at a time (see <see cref="ParticipationAnswersBuffer"/>:
/// one row, one JSON document and one hash per participation, buffers reused). An item is valid until the next is requested.
/// </summary>
public sealed class IncludedAnswersReader(IDbConnectionFactory factory) : IIncludedAnswersReader
{
    private readonly IncludedAnswersSql _sql = new(factory.Dialect);

    public IAsyncEnumerable<IncludedParticipation> StreamAsync(string roundId, InstitutionType type, CancellationToken cancellationToken = default) =>
        ReadAsync([(_sql.Stream, Parameters(roundId, type))], cancellationToken);

    public IAsyncEnumerable<IncludedParticipation> StreamSomeAsync(
        string roundId, InstitutionType type, IReadOnlyCollection<string> participationIds, CancellationToken cancellationToken = default) =>
        ReadAsync(IdLists.Slices(participationIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .Select(ids => (_sql.StreamSome(ids.Length), IdLists.Bind(ids, Parameters(roundId, type)))), cancellationToken);

    public async Task<IReadOnlyList<IncludedRevision>> ListIncludedAsync(string roundId, InstitutionType type, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var rows = await connection.ExecuteReaderAsync(new CommandDefinition(_sql.ListIncluded, Parameters(roundId, type),
            cancellationToken: cancellationToken));
        var list = new List<IncludedRevision>();
        while (await rows.ReadAsync(cancellationToken))
        {
            list.Add(new IncludedRevision(rows.GetString(0), Convert.ToInt64(rows.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return list;
    }

    public async Task<ResponseCounts> CountResponsesAsync(string roundId, InstitutionType type, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var counts = (await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(_sql.CountByStatus,
            new { roundId, type = type.ToWireName() }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Status, r => (int)r.Count, StringComparer.Ordinal);
        int Of(ParticipationStatus s) => counts.GetValueOrDefault(s.ToWireName());
        return new ResponseCounts(counts.Values.Sum(), Of(ParticipationStatus.InProgress), Of(ParticipationStatus.Submitted),
            Of(ParticipationStatus.Returned), Of(ParticipationStatus.Accepted));
    }

    private static DynamicParameters Parameters(string roundId, InstitutionType type)
    {
        var parameters = new DynamicParameters();
        parameters.Add("roundId", roundId);
        parameters.Add("type", type.ToWireName());
        parameters.Add("accepted", ParticipationStatus.Accepted.ToWireName());
        return parameters;
    }

    /// <summary>
    /// Columns: participation id, institution id, row version, and the participation's answers in one text (see
    /// <see cref="IncludedAnswersSql"/>): one row per participation. Read with a plain data reader: no row objects.
    /// </summary>
    private async IAsyncEnumerable<IncludedParticipation> ReadAsync(
        IEnumerable<(string Sql, DynamicParameters Parameters)> queries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        using var buffer = new ParticipationAnswersBuffer();
        foreach (var (sql, parameters) in queries)
        {
            await using DbDataReader rows = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
            while (await rows.ReadAsync(cancellationToken))
            {
                buffer.Start(rows.GetString(0), rows.GetString(1), Convert.ToInt64(rows.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
                if (!rows.IsDBNull(3))
                {
                    buffer.AddAll(rows.GetString(3));
                }
                yield return buffer.Complete();
            }
        }
    }
}
