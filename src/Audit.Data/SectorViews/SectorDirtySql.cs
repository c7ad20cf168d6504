namespace Audit.Data.SectorViews;

/// <summary>The sector dirty marks' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class SectorDirtySql(ISqlDialect dialect)
{
    private const string Select =
        "SELECT round_id AS RoundId, institution_type AS InstitutionType, seq, marked_at AS MarkedAt FROM sector_dirty";

    /// <summary>
    /// A further mark on an existing one: seq grows by one, or jumps to <c>@seq</c> (the clock) when that is larger,
    /// so seq keeps growing across clears too.
    /// </summary>
    public string Bump { get; } =
        "UPDATE sector_dirty SET seq = CASE WHEN seq >= @seq THEN seq + 1 ELSE @seq END, marked_at = @marked_at " +
        "WHERE round_id = @round_id AND institution_type = @institution_type";

    public string Insert { get; } = dialect.InsertIfAbsent("sector_dirty", ["round_id", "institution_type"], ["seq", "marked_at"]);

    public string List { get; } = Select + " ORDER BY marked_at, round_id, institution_type";

    public string Get { get; } = Select + " WHERE round_id = @round_id AND institution_type = @institution_type";

    public string ClearIfUnchanged { get; } =
        "DELETE FROM sector_dirty WHERE round_id = @round_id AND institution_type = @institution_type AND seq = @seq";
}
