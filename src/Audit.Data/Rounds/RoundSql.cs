namespace Audit.Data.Rounds;

/// <summary>The rounds' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class RoundSql(ISqlDialect dialect)
{
    internal const string Columns =
        "id, title, questionnaire_key AS QuestionnaireKey, questionnaire_version AS QuestionnaireVersion, " +
        "baseline_round_id AS BaselineRoundId, opens_at AS OpensAt, closes_at AS ClosesAt, min_group_size AS MinGroupSize, " +
        "dominance_n AS DominanceN, dominance_k AS DominanceK, status, created_at AS CreatedAt, updated_at AS UpdatedAt, " +
        "row_version AS RowVersion, reference_date AS ReferenceDate, cycle";

    public string Get { get; } = $"SELECT {Columns} FROM rounds WHERE id = @id";

    public string Select { get; } = $"SELECT {Columns} FROM rounds";

    public string Count { get; } = "SELECT COUNT(*) FROM rounds";

    /// <summary>Every filter at once: the shape <see cref="RoundRepository"/> narrows down.</summary>
    public string SelectFiltered => Select + " WHERE status = @status" + Page(0, 50);

    public string Exists { get; } = "SELECT COUNT(*) FROM rounds WHERE id = @id";

    public string QuestionnaireExists { get; } =
        "SELECT COUNT(*) FROM questionnaires WHERE questionnaire_key = @key AND version = @version";

    public string Insert { get; } = dialect.InsertIfAbsent("rounds", ["id"],
    [
        "title", "questionnaire_key", "questionnaire_version", "baseline_round_id", "opens_at", "closes_at",
        "min_group_size", "dominance_n", "dominance_k", "status", "created_at", "updated_at", "reference_date", "cycle",
    ]);

    /// <summary>Compare-and-set on the version, and only while the round is draft or open.</summary>
    public string Update { get; } =
        "UPDATE rounds SET title = @title, closes_at = @closes_at, reference_date = @reference_date, cycle = @cycle, updated_at = @now, " +
        "row_version = row_version + 1 WHERE id = @id AND row_version = @expected AND status IN ('draft', 'open')";

    /// <summary>Compare-and-set: affects the row only while its status is still the expected one.</summary>
    public string ChangeStatus { get; } =
        "UPDATE rounds SET status = @to, updated_at = @now, row_version = row_version + 1 WHERE id = @id AND status = @expected";

    public string InsertStatusChange { get; } =
        "INSERT INTO round_status_changes (round_id, from_status, to_status, changed_at, actor_id) " +
        "VALUES (@id, @expected, @to, @now, @actorId)";

    public string StatusHistory { get; } =
        "SELECT from_status AS FromStatus, to_status AS ToStatus, changed_at AS ChangedAt, actor_id AS ActorId " +
        "FROM round_status_changes WHERE round_id = @id ORDER BY id";

    /// <summary>
    /// Newest first: the latest opening date, then the round created last (two rounds opening together), then the
    /// highest id (round ids usually carry their year, as the demo's "demo-2025-…" created in the same instant as "demo-2023-…").
    /// </summary>
    public string Page(int offset, int limit) => " ORDER BY opens_at DESC, created_at DESC, id DESC " + dialect.Paging(offset, limit);
}
