namespace Audit.Data.Rounds;

/// <summary>The progress overview's SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class RoundProgressSql
{
    /// <summary>Every statement here is portable; the dialect is taken like in every *Sql class, which the parse check relies on.</summary>
    public RoundProgressSql(ISqlDialect dialect) => ArgumentNullException.ThrowIfNull(dialect);

    /// <summary>One row per participation; the subqueries use the (participation_id, …) keys and indexes.</summary>
    public string OfRound { get; } =
        "SELECT p.id AS ParticipationId, p.institution_id AS InstitutionId, i.name AS InstitutionName, i.type AS InstitutionType, " +
        "p.status AS Status, p.closes_at AS ClosesAt, " +
        "(SELECT COUNT(*) FROM answers a WHERE a.participation_id = p.id) AS AnsweredCount, " +
        "(SELECT MAX(v.changed_at) FROM answer_versions v WHERE v.participation_id = p.id) AS LastAnswerAt, " +
        "(SELECT MAX(s.changed_at) FROM participation_status_changes s WHERE s.participation_id = p.id) AS LastStatusAt " +
        "FROM participations p JOIN institutions i ON i.id = p.institution_id WHERE p.round_id = @round_id AND p.removed_at IS NULL";
}
