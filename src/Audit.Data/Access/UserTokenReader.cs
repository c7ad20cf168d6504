using Audit.Core.Access;

namespace Audit.Data.Access;

/// <summary>The token listing's SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class UserTokenSql(ISqlDialect dialect)
{
    /// <summary>Enough for any real user; a runaway script making sessions must not make the page unreadable.</summary>
    public const int MaxListed = 200;

    public string ListLive { get; } =
        "SELECT id, kind, created_at AS CreatedAt, expires_at AS ExpiresAt, last_used_at AS LastUsedAt FROM access_tokens " +
        "WHERE user_id = @userId AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > @now) " +
        "AND NOT (kind = 'invitation' AND used_at IS NOT NULL) ORDER BY created_at DESC, id " + dialect.Paging(0, MaxListed);
}

public sealed class UserTokenReader(IDbConnectionFactory factory) : IUserTokenReader
{
    private readonly UserTokenSql _sql = new(factory.Dialect);

    public async Task<IReadOnlyList<LiveToken>> ListLiveAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(_sql.ListLive, new { userId, now }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new LiveToken(r.Id, ParseKind(r.Kind), r.CreatedAt, r.ExpiresAt, r.LastUsedAt))];
    }

    private static TokenKind ParseKind(string kind) => kind switch
    {
        "pat" => TokenKind.PersonalAccessToken,
        "invitation" => TokenKind.Invitation,
        "session" => TokenKind.Session,
        _ => throw new InvalidOperationException($"Unknown token kind '{kind}'."),
    };

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? ExpiresAt { get; set; }
        public DateTimeOffset? LastUsedAt { get; set; }
    }
}
