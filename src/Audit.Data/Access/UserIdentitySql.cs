namespace Audit.Data.Access;

/// <summary>The user identity repository's SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class UserIdentitySql(ISqlDialect dialect)
{
    public string FindUser { get; } =
        "SELECT u.id, u.name, u.email, u.role, u.institution_id AS InstitutionId, u.active, u.created_at AS CreatedAt " +
        "FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.issuer = @issuer AND i.subject = @subject";

    public string Get { get; } =
        "SELECT user_id AS UserId, issuer, subject, linked_at AS LinkedAt FROM user_identities WHERE user_id = @userId";

    public string AccountLinked { get; } = "SELECT COUNT(*) FROM user_identities WHERE issuer = @issuer AND subject = @subject";

    /// <summary>Keyed on the user: a second link for the same user inserts nothing, even from a concurrent sign-in.</summary>
    public string Link { get; } = dialect.InsertIfAbsent("user_identities", ["user_id"], ["issuer", "subject", "linked_at"]);
}
