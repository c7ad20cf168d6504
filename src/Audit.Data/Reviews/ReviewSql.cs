namespace Audit.Data.Reviews;

/// <summary>The reviews' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class ReviewSql
{
    /// <summary>Every statement here is portable; the dialect is taken like in every *Sql class, which the parse check relies on.</summary>
    public ReviewSql(ISqlDialect dialect) => ArgumentNullException.ThrowIfNull(dialect);

    public string NextNumber { get; } = "SELECT COALESCE(MAX(number), 0) + 1 FROM reviews WHERE participation_id = @participation_id";

    public string Insert { get; } =
        "INSERT INTO reviews (id, participation_id, number, decision, summary, reviewed_by, reviewed_at) " +
        "VALUES (@id, @participation_id, @number, @decision, @summary, @reviewed_by, @reviewed_at)";

    public string InsertRemark { get; } =
        "INSERT INTO review_remarks (review_id, question_key, text) VALUES (@review_id, @question_key, @text)";

    public string List { get; } =
        "SELECT id, participation_id AS ParticipationId, number, decision, summary, reviewed_by AS ReviewedBy, reviewed_at AS ReviewedAt " +
        "FROM reviews WHERE participation_id = @participation_id ORDER BY number";

    public string Remarks { get; } =
        "SELECT m.review_id AS ReviewId, m.question_key AS QuestionKey, m.text FROM review_remarks m " +
        "JOIN reviews r ON r.id = m.review_id WHERE r.participation_id = @participation_id";

    public string LatestRemarks { get; } =
        "SELECT m.review_id AS ReviewId, m.question_key AS QuestionKey, m.text FROM review_remarks m " +
        "JOIN reviews r ON r.id = m.review_id WHERE r.participation_id = @participation_id " +
        "AND r.number = (SELECT MAX(number) FROM reviews WHERE participation_id = @participation_id)";
}
