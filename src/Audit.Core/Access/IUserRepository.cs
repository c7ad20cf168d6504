using Audit.Core.AuditTrail;

namespace Audit.Core.Access;

/// <summary>Users and their hashed tokens. Implementations are stateless; each call is one unit of work.</summary>
public interface IUserRepository
{
    Task<User?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken = default);

    Task<bool> AnyWithRoleAsync(Role role, CancellationToken cancellationToken = default);

    /// <summary>Inserts the user and records <paramref name="audit"/> in the same transaction; false when the email is taken.</summary>
    Task<bool> InsertAsync(User user, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>Inserts the user and its first token in one transaction (bootstrap, CLI).</summary>
    Task<bool> InsertWithTokenAsync(User user, StoredToken token, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>Changes name, email and active; false when the user is unknown or the email is taken by another.</summary>
    Task<bool> UpdateAsync(User user, AuditEvent audit, CancellationToken cancellationToken = default);

    Task InsertTokenAsync(StoredToken token, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>Revokes a token of the user; false when no such live token exists.</summary>
    Task<bool> RevokeTokenAsync(string userId, string tokenId, DateTimeOffset now, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uses a one-time invitation: marks it used (only if unused and unexpired, so two clicks cannot both
    /// win) and stores the new session token, in one transaction. Null when the invitation is not valid.
    /// </summary>
    Task<User?> RedeemInvitationAsync(string invitationHash, StoredToken session, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The active user behind a token hash, if the token is neither revoked nor expired at <paramref name="now"/>, and
    /// neither is the token it was obtained with (<see cref="StoredToken.ParentTokenId"/>).
    /// </summary>
    Task<TokenPrincipal?> FindByTokenHashAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the token was used at <paramref name="now"/>, unless that was already recorded after
    /// <paramref name="notBefore"/>: a conditional write, so a busy session costs at most one write per interval.
    /// </summary>
    Task TouchTokenAsync(string tokenId, DateTimeOffset now, DateTimeOffset notBefore, CancellationToken cancellationToken = default);
}
