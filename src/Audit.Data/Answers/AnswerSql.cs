namespace Audit.Data.Answers;

/// <summary>The answers' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class AnswerSql(ISqlDialect dialect)
{
    private const string Columns =
        "participation_id AS ParticipationId, question_key AS QuestionKey, value_json AS ValueJson, comment, prefilled, version, " +
        "updated_by AS UpdatedBy, updated_at AS UpdatedAt";

    public string List { get; } = $"SELECT {Columns} FROM answers WHERE participation_id = @participation_id";

    public string Get { get; } = $"SELECT {Columns} FROM answers WHERE participation_id = @participation_id AND question_key = @question_key";

    /// <summary>Versions continue after the highest ever written, so a re-created answer never repeats an ETag.</summary>
    public string NextVersion { get; } =
        "SELECT COALESCE(MAX(version), 0) + 1 FROM answer_versions WHERE participation_id = @participation_id AND question_key = @question_key";

    /// <summary>Affects no row when the answer exists: a concurrent creator won.</summary>
    public string Insert { get; } = dialect.InsertIfAbsent(
        "answers", ["participation_id", "question_key"], ["value_json", "comment", "prefilled", "version", "updated_by", "updated_at"]);

    /// <summary>Compare-and-set on the version: of two writers that saw the same version, exactly one succeeds.</summary>
    public string Update { get; } =
        "UPDATE answers SET value_json = @value_json, comment = @comment, prefilled = @prefilled, version = @version, " +
        "updated_by = @updated_by, updated_at = @updated_at " +
        "WHERE participation_id = @participation_id AND question_key = @question_key AND version = @expected";

    public string Delete { get; } =
        "DELETE FROM answers WHERE participation_id = @participation_id AND question_key = @question_key AND version = @expected";

    public string InsertVersion { get; } =
        "INSERT INTO answer_versions (participation_id, question_key, version, value_json, comment, prefilled, changed_by, changed_at) " +
        "VALUES (@participation_id, @question_key, @version, @value_json, @comment, @prefilled, @updated_by, @updated_at)";

    public string History { get; } =
        "SELECT participation_id AS ParticipationId, question_key AS QuestionKey, version, value_json AS ValueJson, comment, prefilled, " +
        "changed_by AS ChangedBy, changed_at AS ChangedAt FROM answer_versions " +
        "WHERE participation_id = @participation_id AND question_key = @question_key ORDER BY version DESC";

    /// <summary>Answers per participation for <paramref name="count"/> ids, named <c>@p0</c>, <c>@p1</c>, ….</summary>
    public string CountAnswered(int count) =>
        "SELECT participation_id AS ParticipationId, COUNT(*) AS Answered FROM answers WHERE participation_id IN (" +
        IdLists.Placeholders(count) + ") GROUP BY participation_id";

    public string CountAnsweredSample => CountAnswered(3);
}
