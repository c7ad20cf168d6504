namespace Audit.Data.Access;

/// <summary>The user repository's SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class UserSql(ISqlDialect dialect)
{
    private const string Columns = "u.id, u.name, u.email, u.role, u.institution_id AS InstitutionId, u.active, u.created_at AS CreatedAt";

    public string Get { get; } = $"SELECT {Columns} FROM users u WHERE u.id = @id";

    public string FindByEmail { get; } = $"SELECT {Columns} FROM users u WHERE u.email = @email";

    public string List { get; } = $"SELECT {Columns} FROM users u ORDER BY u.name, u.id";

    public string AnyWithRole { get; } = "SELECT COUNT(*) FROM users WHERE role = @role";

    public string Insert { get; } = dialect.InsertIfAbsent(
        "users", ["email"], ["id", "name", "role", "institution_id", "active", "created_at"]);

    public string Update { get; } =
        "UPDATE users SET name = @name, email = @email, active = @active WHERE id = @id " +
        "AND NOT EXISTS (SELECT 1 FROM users o WHERE o.email = @email AND o.id <> @id)";

    public string InsertToken { get; } =
        "INSERT INTO access_tokens (id, user_id, kind, token_hash, created_at, expires_at, parent_token_id) " +
        "VALUES (@id, @userId, @kind, @tokenHash, @createdAt, @expiresAt, @parentTokenId)";

    public string RevokeToken { get; } =
        "UPDATE access_tokens SET revoked_at = @now WHERE id = @tokenId AND user_id = @userId AND revoked_at IS NULL";

    public string FindByTokenHash { get; } =
        $"SELECT {Columns}, t.id AS TokenId, t.kind AS TokenKind, t.created_at AS TokenCreatedAt, t.last_used_at AS TokenLastUsedAt " +
        "FROM access_tokens t JOIN users u ON u.id = t.user_id " +
        "WHERE t.token_hash = @tokenHash AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > @now) " +
        "AND u.active = @active " +
        "AND (t.parent_token_id IS NULL OR EXISTS (SELECT 1 FROM access_tokens p WHERE p.id = t.parent_token_id " +
        "AND p.revoked_at IS NULL AND (p.expires_at IS NULL OR p.expires_at > @now)))";

    /// <summary>Conditional, so a token in steady use is written at most once per interval.</summary>
    public string TouchToken { get; } =
        "UPDATE access_tokens SET last_used_at = @now WHERE id = @tokenId AND (last_used_at IS NULL OR last_used_at < @notBefore)";

    /// <summary>Compare-and-set on <c>used_at</c>: exactly one redemption affects the row.</summary>
    public string UseInvitation { get; } =
        "UPDATE access_tokens SET used_at = @now WHERE token_hash = @tokenHash AND kind = 'invitation' " +
        "AND used_at IS NULL AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now)";

    public string InvitedUser { get; } =
        $"SELECT {Columns} FROM access_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = @tokenHash AND u.active = @active";
}
