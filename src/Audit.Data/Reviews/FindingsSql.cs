namespace Audit.Data.Reviews;

/// <summary>The findings' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class FindingsSql(ISqlDialect dialect)
{
    public string Get { get; } =
        "SELECT participation_id AS ParticipationId, findings_json AS FindingsJson, summary, version, updated_by AS UpdatedBy, " +
        "updated_at AS UpdatedAt FROM findings WHERE participation_id = @participation_id";

    /// <summary>Compare-and-set on the version when <c>@expected</c> is given; any version when it is null.</summary>
    public string Update { get; } =
        "UPDATE findings SET findings_json = @findings_json, summary = @summary, version = version + 1, updated_by = @updated_by, " +
        "updated_at = @updated_at WHERE participation_id = @participation_id AND (@expected IS NULL OR version = @expected)";

    public string Insert { get; } = dialect.InsertIfAbsent(
        "findings", ["participation_id"], ["findings_json", "summary", "version", "updated_by", "updated_at"]);

    public string ParticipationExists { get; } = "SELECT COUNT(*) FROM participations WHERE id = @participation_id AND removed_at IS NULL";
}
