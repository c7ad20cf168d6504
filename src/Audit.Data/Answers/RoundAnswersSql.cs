namespace Audit.Data.Answers;

/// <summary>The round-wide answers query, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class RoundAnswersSql
{
    /// <summary>Portable SQL; the dialect is taken like in every *Sql class, which the parse check relies on.</summary>
    public RoundAnswersSql(ISqlDialect dialect) => ArgumentNullException.ThrowIfNull(dialect);

    /// <summary>Ordered by participation so that one participation's rows come together (any collation does that).</summary>
    public string OfRound { get; } =
        "SELECT a.participation_id, a.question_key, a.value_json FROM answers a " +
        "JOIN participations p ON p.id = a.participation_id WHERE p.round_id = @round_id AND p.removed_at IS NULL " +
        "ORDER BY a.participation_id, a.question_key";
}
