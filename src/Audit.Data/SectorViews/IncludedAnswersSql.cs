namespace Audit.Data.SectorViews;

public sealed class IncludedAnswersSql(ISqlDialect dialect)
{
    private const string Participations = "FROM participations p JOIN institutions i ON i.id = p.institution_id";

    /// <summary>The sector: the round's participations of one institution type.</summary>
    private const string OfSector = " WHERE p.round_id = @roundId AND i.type = @type AND p.removed_at IS NULL";

    /// <summary>What a sector view includes: the sector's accepted participations.</summary>
    private const string Included = OfSector + " AND p.status = @accepted";

    /// <summary>
    /// Columns: participation id, institution id, row version, and ALL its answers in one text: <c>key US value RS</c>
    /// per answer in key order (US = 0x1F, RS = 0x1E), NULL when it has none. One row per participation instead of one
    /// per answer: at N = 5,000 the per-row work of the data provider (a step, three strings) was most of a full
    /// recompute's read. The text is byte for byte what the submission hash covers (see ParticipationAnswersBuffer),
    /// and the separators cannot occur in stored answers (canonical JSON escapes control characters) or in keys.
    /// </summary>
    private string Columns => "SELECT p.id, p.institution_id, p.row_version, " + AnswersText + " " + Participations +
        " LEFT JOIN answers a ON a.participation_id = p.id" + Included;

    /// <summary>The ordered string aggregate each engine spells differently; nulls (no answers) are skipped by all three.</summary>
    private string AnswersText => dialect.Provider switch
    {
        DatabaseProvider.Postgres =>
            "string_agg(a.question_key || chr(31) || a.value_json || chr(30), '' ORDER BY a.question_key)",
        DatabaseProvider.SqlServer =>
            "STRING_AGG(CAST(a.question_key AS nvarchar(max)) + NCHAR(31) + a.value_json + NCHAR(30), N'') WITHIN GROUP (ORDER BY a.question_key)",
        _ => "group_concat(a.question_key || char(31) || a.value_json || char(30), '' ORDER BY a.question_key)",
    };

    /// <summary>PostgreSQL accepts the columns that depend on the primary key; SQL Server wants them all; SQLite any.</summary>
    private string Grouped => dialect.Provider == DatabaseProvider.Sqlite
        ? " GROUP BY p.institution_id"
        : " GROUP BY p.id, p.institution_id, p.row_version";

    /// <summary>
    /// Ordered by institution (unique within a round). Not by participation id: the round's unique (round_id,
    /// institution_id) index already yields this order and the answers' primary key the key order within it, so SQLite
    /// streams the rows without first sorting the whole sector in a temporary B-tree. The statistics do not depend on
    /// the order of participations.
    /// </summary>
    public string Stream => Columns + Grouped + " ORDER BY p.institution_id";

    /// <summary>The same rows for <paramref name="count"/> participations only, named @p0, @p1, ...</summary>
    public string StreamSome(int count) =>
        Columns + " AND p.id IN (" + IdLists.Placeholders(count) + ")" + Grouped + " ORDER BY p.id";

    /// <summary>Which participations are included, and at which row version: no answers are read.</summary>
    public string ListIncluded { get; } = "SELECT p.id, p.row_version " + Participations + Included;

    public string CountByStatus { get; } = "SELECT p.status AS Status, COUNT(*) AS Count " + Participations + OfSector + " GROUP BY p.status";
}
