namespace Audit.Data.Answers;

/// <summary>The answers' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class AnswerSql(ISqlDialect dialect)
{
    internal const string Columns =
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

    /// <summary>
    /// The autosave's one read inside its transaction: the participation as <see cref="Rounds.ParticipationSql.Get"/>
    /// reads it, its round as <see cref="Rounds.RoundSql.Get"/> does, and the question's current answer (all null when
    /// it has none). Split for Dapper at the round's <c>id</c> and the answer's <c>ParticipationId</c>.
    /// </summary>
    public string ScopeRead { get; } =
        Rounds.ParticipationSql.Select.Replace(" FROM participations p",
            $", {Prefixed("r", Rounds.RoundSql.Columns)}, {Prefixed("a", Columns)} FROM participations p", StringComparison.Ordinal) +
        " JOIN rounds r ON r.id = p.round_id " +
        "LEFT JOIN answers a ON a.participation_id = p.id AND a.question_key = @question_key " +
        "WHERE p.id = @participation_id" + Rounds.ParticipationSql.Present;

    /// <summary>
    /// <see cref="Update"/> that also holds only while the participation is editable without a status change (in
    /// progress, round open): EditGate's check folded into the write. On PostgreSQL and SQL Server the sub-select takes
    /// the same share locks as EditGate's locked read, so a concurrent submit or round change waits for this commit;
    /// SQLite's IMMEDIATE transaction already excludes them. No row updated: a colleague's version, or no longer editable.
    /// </summary>
    public string GuardedUpdate { get; } =
        "UPDATE answers SET value_json = @value_json, comment = @comment, prefilled = @prefilled, version = @version, " +
        "updated_by = @updated_by, updated_at = @updated_at " +
        "WHERE participation_id = @participation_id AND question_key = @question_key AND version = @expected " +
        $"AND EXISTS (SELECT 1 FROM participations p{dialect.ShareLockHint} JOIN rounds r{dialect.ShareLockHint} ON r.id = p.round_id " +
        "WHERE p.id = @participation_id AND p.removed_at IS NULL AND p.status = @editing AND r.status = @open" +
        $"{dialect.ShareLockClause})";

    /// <summary>The history row and the audit event of a saved answer, sent as one command.</summary>
    public string InsertVersionAndAudit { get; } =
        "INSERT INTO answer_versions (participation_id, question_key, version, value_json, comment, prefilled, changed_by, changed_at) " +
        "VALUES (@participation_id, @question_key, @version, @value_json, @comment, @prefilled, @updated_by, @updated_at); " +
        AuditTrail.AuditEventSql.InsertStatement;

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

    private static string Prefixed(string alias, string columns) =>
        string.Join(", ", columns.Split(", ").Select(column => alias + "." + column));
}
