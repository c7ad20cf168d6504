namespace Audit.Data.SectorViews;

public sealed class SectorViewSql(ISqlDialect dialect)
{
    public string InsertIfAbsent { get; } = dialect.InsertIfAbsent("sector_views",
        ["round_id", "institution_type", "fingerprint"],
        ["id", "computed_at", "included", "suppressed", "internal_json", "published_json"]);

    public string IdByFingerprint { get; } =
        "SELECT id FROM sector_views WHERE round_id = @round_id AND institution_type = @institution_type AND fingerprint = @fingerprint";

    public string PointCurrent { get; } = dialect.Upsert("sector_view_current", ["round_id", "institution_type"], ["view_id", "switched_at"]);

    private const string Columns =
        "v.id, v.round_id AS RoundId, v.institution_type AS InstitutionType, v.fingerprint, v.computed_at AS ComputedAt, v.included, v.suppressed";

    public string GetCurrent { get; } =
        $"SELECT {Columns}, v.internal_json AS InternalJson, v.published_json AS PublishedJson FROM sector_view_current c " +
        "JOIN sector_views v ON v.id = c.view_id WHERE c.round_id = @roundId AND c.institution_type = @institutionType";

    public string ListCurrent { get; } =
        $"SELECT {Columns} FROM sector_view_current c JOIN sector_views v ON v.id = c.view_id WHERE c.round_id = @roundId ORDER BY v.institution_type";

    public string CountVersions { get; } =
        "SELECT COUNT(*) FROM sector_views WHERE round_id = @roundId AND institution_type = @institutionType";
}
