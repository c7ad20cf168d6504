using Audit.Data.Access;

namespace Audit.Data.Institutions;

/// <summary>The SQL of <see cref="InstitutionDirectory"/>, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class InstitutionDirectorySql(ISqlDialect dialect)
{
    private const string UserColumns = "u.id, u.name, u.email, u.role, u.institution_id AS InstitutionId, u.active, u.created_at AS CreatedAt";

    public string Contacts { get; } =
        $"SELECT {UserColumns} FROM users u WHERE u.institution_id = @institutionId AND u.role = @role ORDER BY u.name, u.id";

    public string ActiveContactCounts { get; } =
        "SELECT institution_id AS InstitutionId, COUNT(*) AS Contacts FROM users " +
        "WHERE role = @role AND active = @active AND institution_id IS NOT NULL GROUP BY institution_id";

    public string Participations { get; } =
        "SELECT p.id AS ParticipationId, r.id AS RoundId, r.title AS RoundTitle, r.status AS RoundStatus, p.status AS Status, " +
        "r.closes_at AS ClosesAt FROM participations p JOIN rounds r ON r.id = p.round_id " +
        "WHERE p.institution_id = @institutionId AND p.removed_at IS NULL ORDER BY r.opens_at DESC, r.created_at DESC, r.id DESC";

    public string All { get; } = "SELECT id, name, type, city, brin, active FROM institutions ORDER BY id";

    public string InsertInstitution { get; } = dialect.InsertIfAbsent(
        "institutions", ["id"], ["name", "type", "city", "brin", "active", "created_at", "updated_at"]);

    public string UpdateInstitution { get; } =
        "UPDATE institutions SET name = @name, type = @type, city = @city, brin = @brin, updated_at = @updated_at WHERE id = @id";

    public string InsertContact { get; } = new UserSql(dialect).Insert;

    /// <summary>Only while the user is still a respondent of the institution the import matched them in.</summary>
    public string RenameContact { get; } =
        "UPDATE users SET name = @name WHERE id = @id AND institution_id = @institution_id AND role = @role";
}
