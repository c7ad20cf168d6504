namespace Audit.Data.Institutions;

/// <summary>The institution registry's SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class InstitutionSql(ISqlDialect dialect)
{
    private const string Columns = "id, name, type, city, brin, active";

    public string Get { get; } = $"SELECT {Columns} FROM institutions WHERE id = @id";

    public string Exists { get; } = "SELECT COUNT(*) FROM institutions WHERE id = @id";

    public string Select { get; } = $"SELECT {Columns} FROM institutions";

    public string Count { get; } = "SELECT COUNT(*) FROM institutions";

    /// <summary>Every filter at once: the shape <see cref="InstitutionRepository"/> narrows down.</summary>
    public string SelectFiltered => Select + " WHERE type = @type AND active = @active AND " + NameContains + Page(0, 50);

    /// <summary>
    /// Part of the name, in any case: LOWER on both sides, because LIKE ignores case on SQLite and SQL Server's usual
    /// collation but not on PostgreSQL. The pattern's own '%', '_' and '\' are escaped by <see cref="ContainsPattern"/>.
    /// </summary>
    public const string NameContains = "LOWER(name) LIKE @name ESCAPE '\\'";

    public static string ContainsPattern(string part) =>
        "%" + part.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>Id, type and active of the whole registry: small (a few hundred rows at most), read for invitations.</summary>
    public string States { get; } = "SELECT id, type, active FROM institutions";

    public string Insert { get; } = dialect.InsertIfAbsent(
        "institutions", ["id"], ["name", "type", "city", "brin", "active", "created_at", "updated_at"]);

    public string Update { get; } =
        "UPDATE institutions SET name = @name, type = @type, city = @city, brin = @brin, active = @active, " +
        "updated_at = @updated_at WHERE id = @id";

    public string Page(int offset, int limit) => " ORDER BY id " + dialect.Paging(offset, limit);
}
