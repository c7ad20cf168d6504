namespace Audit.Data.DeepDives;

/// <summary>The deep-dive's SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class DeepDiveSql(ISqlDialect dialect)
{
    public string GetSelection { get; } =
        "SELECT round_id AS RoundId, institution_type AS InstitutionType, institution_ids_json AS InstitutionIdsJson, rationale, version, " +
        "updated_by AS UpdatedBy, updated_at AS UpdatedAt FROM deep_dive_selections WHERE round_id = @round_id AND institution_type = @institution_type";

    /// <summary>Compare-and-set on the version.</summary>
    public string UpdateSelection { get; } =
        "UPDATE deep_dive_selections SET institution_ids_json = @institution_ids_json, rationale = @rationale, version = version + 1, " +
        "updated_by = @updated_by, updated_at = @updated_at WHERE round_id = @round_id AND institution_type = @institution_type AND version = @expected";

    public string InsertSelection { get; } = dialect.InsertIfAbsent(
        "deep_dive_selections", ["round_id", "institution_type"], ["institution_ids_json", "rationale", "version", "updated_by", "updated_at"]);

    public string RoundExists { get; } = "SELECT COUNT(*) FROM rounds WHERE id = @round_id";

    private const string RecordColumns =
        "id, round_id AS RoundId, institution_type AS InstitutionType, institution_id AS InstitutionId, kind, held_on AS HeldOn, " +
        "roles_json AS RolesJson, notes_json AS NotesJson, notable_practices AS NotablePractices, version, updated_by AS UpdatedBy, updated_at AS UpdatedAt";

    public string ListRecords { get; } =
        $"SELECT {RecordColumns} FROM deep_dive_records WHERE round_id = @round_id AND institution_type = @institution_type " +
        "AND (@institution_id IS NULL OR institution_id = @institution_id) ORDER BY institution_id, held_on, id";

    public string GetRecord { get; } =
        $"SELECT {RecordColumns} FROM deep_dive_records WHERE id = @id AND round_id = @round_id AND institution_type = @institution_type";

    public string InsertRecord { get; } =
        "INSERT INTO deep_dive_records (id, round_id, institution_type, institution_id, kind, held_on, roles_json, notes_json, notable_practices, " +
        "version, updated_by, updated_at) VALUES (@id, @round_id, @institution_type, @institution_id, @kind, @held_on, @roles_json, @notes_json, " +
        "@notable_practices, 1, @updated_by, @updated_at)";

    /// <summary>The institution is part of the record's identity, so it never changes here.</summary>
    public string UpdateRecord { get; } =
        "UPDATE deep_dive_records SET kind = @kind, held_on = @held_on, roles_json = @roles_json, notes_json = @notes_json, " +
        "notable_practices = @notable_practices, version = version + 1, updated_by = @updated_by, updated_at = @updated_at " +
        "WHERE id = @id AND round_id = @round_id AND institution_type = @institution_type AND version = @expected";

    public string DeleteRecord { get; } =
        "DELETE FROM deep_dive_records WHERE id = @id AND round_id = @round_id AND institution_type = @institution_type AND version = @expected";

    public string ListSelections { get; } =
        "SELECT institution_type AS InstitutionType, institution_ids_json AS InstitutionIdsJson FROM deep_dive_selections WHERE round_id = @round_id " +
        "ORDER BY institution_type";

    public string CountRecords { get; } =
        "SELECT institution_type AS InstitutionType, kind, COUNT(*) AS Count FROM deep_dive_records WHERE round_id = @round_id " +
        "GROUP BY institution_type, kind";
}
