using Audit.Data.Dialects;

namespace Audit.Data.Repositories;

// Portable SQL needs nothing from the dialect; the parameter keeps the *Sql convention the T-SQL parse test relies on.
#pragma warning disable CS9113
public sealed class IncludedAnswersSql(ISqlDialect dialect)
#pragma warning restore CS9113
{
    /// <summary>Ordered by participation, so consecutive rows form one participation's answers.</summary>
    public string Stream { get; } =
        "SELECT p.id AS ParticipationId, p.institution_id AS InstitutionId, a.question_key AS QuestionKey, a.value_json AS ValueJson " +
        "FROM participations p JOIN institutions i ON i.id = p.institution_id " +
        "LEFT JOIN answers a ON a.participation_id = p.id " +
        "WHERE p.round_id = @roundId AND i.type = @type AND p.status = @accepted ORDER BY p.id, a.question_key";

    public string CountByStatus { get; } =
        "SELECT p.status AS Status, COUNT(*) AS Count FROM participations p JOIN institutions i ON i.id = p.institution_id " +
        "WHERE p.round_id = @roundId AND i.type = @type GROUP BY p.status";
}
