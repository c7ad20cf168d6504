using System.Runtime.CompilerServices;
using Audit.Core.Answers;

namespace Audit.Data.Answers;

/// <summary>Reads unbuffered with a plain data reader; only one participation's answers are held at a time.</summary>
public sealed class RoundAnswersReader(IDbConnectionFactory factory) : IRoundAnswersReader
{
    private readonly RoundAnswersSql _sql = new(factory.Dialect);

    public async IAsyncEnumerable<ParticipationAnswerValues> StreamAsync(
        string roundId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await using var rows = await connection.ExecuteReaderAsync(new CommandDefinition(_sql.OfRound, new { round_id = roundId },
            cancellationToken: cancellationToken));
        string? current = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await rows.ReadAsync(cancellationToken))
        {
            var participationId = rows.GetString(0);
            if (current is not null && !string.Equals(current, participationId, StringComparison.Ordinal))
            {
                yield return new ParticipationAnswerValues(current, values);
                values = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            current = participationId;
            values[rows.GetString(1)] = rows.GetString(2);
        }
        if (current is not null)
        {
            yield return new ParticipationAnswerValues(current, values);
        }
    }
}
