using Audit.Core.Access;

namespace Audit.Data.Access;

public sealed class UserIdentityRepository(IDbConnectionFactory factory) : IUserIdentityRepository
{
    private readonly UserIdentitySql _sql = new(factory.Dialect);

    public async Task<User?> FindUserAsync(string issuer, string subject, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(
            new CommandDefinition(_sql.FindUser, new { issuer, subject }, cancellationToken: cancellationToken));
        return row?.ToUser();
    }

    public async Task<UserIdentity?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IdentityRow>(
            new CommandDefinition(_sql.Get, new { userId }, cancellationToken: cancellationToken));
        return row is null ? null : new UserIdentity(row.UserId, row.Issuer, row.Subject, row.LinkedAt);
    }

    /// <summary>
    /// The account check and the insert share one write transaction. On SQLite writers are serialised, so the check
    /// holds; elsewhere the unique index on (issuer, subject) is the last word should one account assert two e-mails
    /// at the same instant.
    /// </summary>
    public Task<bool> LinkAsync(UserIdentity identity, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.ChangeAsync(factory, audit, async (c, t) =>
        {
            var parameters = new { userId = identity.UserId, user_id = identity.UserId, issuer = identity.Issuer, subject = identity.Subject, linked_at = identity.LinkedAt };
            if (await c.ExecuteScalarAsync<long>(new CommandDefinition(_sql.AccountLinked, parameters, t, cancellationToken: cancellationToken)) > 0)
            {
                return false;
            }
            return await c.ExecuteAsync(new CommandDefinition(_sql.Link, parameters, t, cancellationToken: cancellationToken)) == 1;
        }, cancellationToken);

    private sealed class IdentityRow
    {
        public string UserId { get; set; } = "";
        public string Issuer { get; set; } = "";
        public string Subject { get; set; } = "";
        public DateTimeOffset LinkedAt { get; set; }
    }
}
