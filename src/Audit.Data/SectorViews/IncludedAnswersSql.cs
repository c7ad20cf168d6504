namespace Audit.Data.SectorViews;

// Portable SQL needs nothing from the dialect; the parameter keeps the *Sql convention the T-SQL parse test relies on.
#pragma warning disable CS9113
public sealed class IncludedAnswersSql(ISqlDialect dialect)
#pragma warning restore CS9113
{
    private const string Participations = "FROM participations p JOIN institutions i ON i.id = p.institution_id";

    /// <summary>The sector: the round's participations of one institution type.</summary>
    private const string OfSector = " WHERE p.round_id = @roundId AND i.type = @type AND p.removed_at IS NULL";

    /// <summary>What a sector view includes: the sector's accepted participations.</summary>
    private const string Included = OfSector + " AND p.status = @accepted";

    private const string Columns =
        "SELECT p.id, p.institution_id, p.row_version, a.question_key, a.value_json " + Participations +
        " LEFT JOIN answers a ON a.participation_id = p.id" + Included;

    /// <summary>
    /// Ordered by institution (unique within a round), so consecutive rows form one participation's answers, in key
    /// order. Not by participation id: the round's unique (round_id, institution_id) index already yields this order
    /// and the answers' primary key the key order within it, so SQLite streams the rows without first sorting the
    /// whole sector in a temporary B-tree. The statistics do not depend on the order of participations.
    /// </summary>
    public string Stream { get; } = Columns + " ORDER BY p.institution_id, a.question_key";

    /// <summary>The same rows for <paramref name="count"/> participations only, named @p0, @p1, ...</summary>
    public string StreamSome(int count) =>
        Columns + " AND p.id IN (" + IdLists.Placeholders(count) + ") ORDER BY p.id, a.question_key";

    /// <summary>Which participations are included, and at which row version: no answers are read.</summary>
    public string ListIncluded { get; } = "SELECT p.id, p.row_version " + Participations + Included;

    public string CountByStatus { get; } = "SELECT p.status AS Status, COUNT(*) AS Count " + Participations + OfSector + " GROUP BY p.status";
}
