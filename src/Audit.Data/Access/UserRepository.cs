using Audit.Core.Access;

namespace Audit.Data.Access;

/// <param name="factory">The database.</param>
/// <param name="localChanges">Told of each committed revocation or user change, for this process's token cache.</param>
public sealed class UserRepository(IDbConnectionFactory factory, LocalTokenChanges? localChanges = null) : IUserRepository
{
    private readonly UserSql _sql = new(factory.Dialect);

    public async Task<User?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(_sql.Get, new { id }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    public async Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(
            new CommandDefinition(_sql.FindByEmail, new { email = NormaliseEmail(email) }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(_sql.List, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToUser()).ToList();
    }

    public async Task<bool> AnyWithRoleAsync(Role role, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(_sql.AnyWithRole, new { role = role.ToWireName() }, cancellationToken: cancellationToken));
        return count > 0;
    }

    public Task<bool> InsertAsync(User user, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.ChangeAsync(factory, audit, async (c, t) =>
            await c.ExecuteAsync(new CommandDefinition(_sql.Insert, UserParameters(user), t, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task<bool> InsertWithTokenAsync(User user, StoredToken token, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.ChangeAsync(factory, audit, async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(_sql.Insert, UserParameters(user), t, cancellationToken: cancellationToken)) != 1)
            {
                return false;
            }
            await c.ExecuteAsync(new CommandDefinition(_sql.InsertToken, TokenParameters(token), t, cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);

    /// <summary>A change of a user (deactivation, name) also moves the revocation sequence: cached sign-ins must see it.</summary>
    public async Task<bool> UpdateAsync(User user, AuditEvent audit, CancellationToken cancellationToken = default) =>
        Noted(await UnitOfWork.ChangeAsync(factory, audit, async (c, t) =>
            await c.ExecuteAsync(new CommandDefinition(_sql.Update, UserParameters(user), t, cancellationToken: cancellationToken)) == 1
            && await RevokedAsync(c, t, cancellationToken),
            cancellationToken));

    public Task InsertTokenAsync(StoredToken token, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.ChangeAsync(factory, audit, async (c, t) =>
            await c.ExecuteAsync(new CommandDefinition(_sql.InsertToken, TokenParameters(token), t, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public async Task<bool> RevokeTokenAsync(string userId, string tokenId, DateTimeOffset now, AuditEvent audit, CancellationToken cancellationToken = default) =>
        Noted(await UnitOfWork.ChangeAsync(factory, audit, async (c, t) =>
            await c.ExecuteAsync(new CommandDefinition(_sql.RevokeToken, new { userId, tokenId, now }, t, cancellationToken: cancellationToken)) == 1
            && await RevokedAsync(c, t, cancellationToken),
            cancellationToken));

    private static async Task<bool> RevokedAsync(DbConnection c, DbTransaction t, CancellationToken cancellationToken)
    {
        await TokenRevocations.BumpAsync(c, t, cancellationToken);
        return true;
    }

    private bool Noted(bool changed)
    {
        if (changed)
        {
            localChanges?.Note();
        }
        return changed;
    }

    public Task<User?> RedeemInvitationAsync(string invitationHash, StoredToken session, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync<User?>(factory, async (c, t) =>
        {
            if (await c.ExecuteAsync(new CommandDefinition(_sql.UseInvitation, new { tokenHash = invitationHash, now }, t,
                    cancellationToken: cancellationToken)) != 1)
            {
                return (false, null);
            }
            var row = await c.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(_sql.InvitedUser,
                new { tokenHash = invitationHash, active = true }, t, cancellationToken: cancellationToken));
            if (row is null)
            {
                return (false, null);
            }
            var user = row.ToUser();
            await c.ExecuteAsync(new CommandDefinition(_sql.InsertToken, TokenParameters(session with { UserId = user.Id }), t,
                cancellationToken: cancellationToken));
            await AuditEventRepository.WriteAsync(c, t,
                new Actor(user.Id, user.Role.ToWireName()).Did("invitation.redeemed", "user", user.Id, now), cancellationToken);
            return (true, user);
        }, cancellationToken);

    public async Task<TokenPrincipal?> FindByTokenHashAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserTokenRow>(
            new CommandDefinition(_sql.FindByTokenHash, new { tokenHash, now, active = true }, cancellationToken: cancellationToken));
        return row is null ? null : new TokenPrincipal(row.ToUser(), row.TokenId, ParseKind(row.TokenKind), row.TokenLastUsedAt ?? row.TokenCreatedAt);
    }

    public async Task TouchTokenAsync(string tokenId, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(_sql.TouchToken, new { tokenId, now, notBefore }, cancellationToken: cancellationToken));
    }

    /// <summary>Emails compare case-insensitively everywhere, so they are stored lower-case.</summary>
    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The user as stored; the update's SQL takes only the columns that may change (not role, institution or creation).</summary>
    private static object UserParameters(User user) => new
    {
        id = user.Id,
        name = user.Name,
        email = NormaliseEmail(user.Email),
        role = user.Role.ToWireName(),
        institution_id = user.InstitutionId,
        active = user.Active,
        created_at = user.CreatedAt,
    };

    internal static object TokenParameters(StoredToken token) => new
    {
        id = token.Id,
        userId = token.UserId,
        kind = token.Kind.ToWireName(),
        tokenHash = token.TokenHash,
        createdAt = token.CreatedAt,
        expiresAt = token.ExpiresAt,
        parentTokenId = token.ParentTokenId,
    };

    private static TokenKind ParseKind(string kind) => kind switch
    {
        "pat" => TokenKind.PersonalAccessToken,
        "invitation" => TokenKind.Invitation,
        "session" => TokenKind.Session,
        _ => throw new InvalidOperationException($"Unknown token kind '{kind}'."),
    };

    private sealed class UserTokenRow : UserRow
    {
        public string TokenId { get; set; } = "";
        public string TokenKind { get; set; } = "";
        public DateTimeOffset TokenCreatedAt { get; set; }
        public DateTimeOffset? TokenLastUsedAt { get; set; }
    }
}
