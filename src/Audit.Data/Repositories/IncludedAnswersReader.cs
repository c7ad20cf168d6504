using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;
using Audit.Data.Connections;
using Dapper;

namespace Audit.Data.Repositories;

/// <summary>
/// Streams accepted answers unbuffered: one participation is materialised at a time and its JSON documents
/// are released once the builder has read them.
/// </summary>
public sealed class IncludedAnswersReader(IDbConnectionFactory factory) : IIncludedAnswersReader
{
    private readonly IncludedAnswersSql _sql = new(factory.Dialect);

    public async IAsyncEnumerable<IncludedParticipation> StreamAsync(
        string roundId, InstitutionType type, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<Row>(_sql.Stream,
            new { roundId, type = type.ToWireName(), accepted = ParticipationStatus.Accepted.ToWireName() });
        Pending? current = null;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (current is not null && current.ParticipationId != row.ParticipationId)
            {
                yield return current.ToIncluded();
                current.Dispose();
                current = null;
            }
            current ??= new Pending(row.ParticipationId, row.InstitutionId);
            if (row.QuestionKey is not null && row.ValueJson is not null)
            {
                current.Add(row.QuestionKey, row.ValueJson);
            }
        }
        if (current is not null)
        {
            yield return current.ToIncluded();
            current.Dispose();
        }
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

    private sealed class Row
    {
        public string ParticipationId { get; set; } = "";
        public string InstitutionId { get; set; } = "";
        public string? QuestionKey { get; set; }
        public string? ValueJson { get; set; }
    }

    /// <summary>One participation's answers while they are read; the hash identifies exactly what was included.</summary>
    private sealed class Pending(string participationId, string institutionId) : IDisposable
    {
        private readonly List<JsonDocument> _documents = [];
        private readonly Dictionary<string, JsonElement> _answers = new(StringComparer.Ordinal);
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string ParticipationId => participationId;

        public void Add(string key, string valueJson)
        {
            var document = JsonDocument.Parse(valueJson);
            _documents.Add(document);
            _answers[key] = document.RootElement;
            _hash.AppendData(Encoding.UTF8.GetBytes(key + "\u001f" + valueJson + "\u001e"));
        }

        public IncludedParticipation ToIncluded() =>
            new(participationId, institutionId, Convert.ToHexStringLower(_hash.GetCurrentHash()), _answers);

        public void Dispose()
        {
            foreach (var document in _documents)
            {
                document.Dispose();
            }
            _hash.Dispose();
        }
    }
}
