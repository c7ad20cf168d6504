namespace Audit.Data.Reviews;

/// <summary>The submissions' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class SubmissionSql(ISqlDialect dialect)
{
    public string AnswerVersions { get; } =
        "SELECT question_key AS QuestionKey, version FROM answers WHERE participation_id = @participation_id";

    public string NextNumber { get; } = "SELECT COALESCE(MAX(number), 0) + 1 FROM submissions WHERE participation_id = @participation_id";

    public string Insert { get; } =
        "INSERT INTO submissions (id, participation_id, number, submitted_at, submitted_by, content_hash, snapshot_json) " +
        "VALUES (@id, @participation_id, @number, @submitted_at, @submitted_by, @content_hash, @snapshot_json)";

    public string Latest { get; } =
        "SELECT id, participation_id AS ParticipationId, number, submitted_at AS SubmittedAt, submitted_by AS SubmittedBy, " +
        "content_hash AS ContentHash, snapshot_json AS SnapshotJson FROM submissions WHERE participation_id = @participation_id " +
        "ORDER BY number DESC " + dialect.Paging(0, 1);
}
