namespace Audit.Data.CycleFindings;

/// <summary>The cycle summary's SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class CycleFindingsSql(ISqlDialect dialect)
{
    private const string Columns =
        "cycle, summary, version, updated_by AS UpdatedBy, updated_at AS UpdatedAt, approved_version AS ApprovedVersion, " +
        "approved_by AS ApprovedBy, approved_at AS ApprovedAt";

    public string Get { get; } = $"SELECT {Columns} FROM cycle_findings WHERE cycle = @cycle";

    /// <summary>Compare-and-set on the version when <c>@expected</c> is given; the version moving past <c>approved_version</c> withdraws the approval.</summary>
    public string Update { get; } =
        "UPDATE cycle_findings SET summary = @summary, version = version + 1, updated_by = @updated_by, updated_at = @updated_at " +
        "WHERE cycle = @cycle AND (@expected IS NULL OR version = @expected)";

    public string Insert { get; } = dialect.InsertIfAbsent("cycle_findings", ["cycle"], ["summary", "version", "updated_by", "updated_at"]);

    /// <summary>Approves the version only while it is current, so an approval never lands on a text its approver did not read.</summary>
    public string Approve { get; } =
        "UPDATE cycle_findings SET approved_version = version, approved_by = @approved_by, approved_at = @approved_at " +
        "WHERE cycle = @cycle AND version = @version";
}
