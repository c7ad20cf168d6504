namespace Audit.Data.SectorFindings;

/// <summary>The sector findings' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class SectorFindingsSql(ISqlDialect dialect)
{
    private const string Columns =
        "round_id AS RoundId, institution_type AS InstitutionType, themes_json AS ThemesJson, summary, version, updated_by AS UpdatedBy, " +
        "updated_at AS UpdatedAt, approved_version AS ApprovedVersion, approved_by AS ApprovedBy, approved_at AS ApprovedAt";

    public string Get { get; } = $"SELECT {Columns} FROM sector_findings WHERE round_id = @round_id AND institution_type = @institution_type";

    public string List { get; } = $"SELECT {Columns} FROM sector_findings WHERE round_id = @round_id ORDER BY institution_type";

    /// <summary>
    /// Compare-and-set on the version when <c>@expected</c> is given; any version when it is null. A change withdraws
    /// the approval because the version moves past <c>approved_version</c>, which stays to say "changed since approval".
    /// </summary>
    public string Update { get; } =
        "UPDATE sector_findings SET themes_json = @themes_json, summary = @summary, version = version + 1, updated_by = @updated_by, " +
        "updated_at = @updated_at " +
        "WHERE round_id = @round_id AND institution_type = @institution_type AND (@expected IS NULL OR version = @expected)";

    public string Insert { get; } = dialect.InsertIfAbsent(
        "sector_findings", ["round_id", "institution_type"], ["themes_json", "summary", "version", "updated_by", "updated_at"]);

    /// <summary>Approves the version only while it is current, so an approval never lands on a text its approver did not read.</summary>
    public string Approve { get; } =
        "UPDATE sector_findings SET approved_version = version, approved_by = @approved_by, approved_at = @approved_at " +
        "WHERE round_id = @round_id AND institution_type = @institution_type AND version = @version";

    public string RoundExists { get; } = "SELECT COUNT(*) FROM rounds WHERE id = @round_id";
}
