using Audit.Core.AuditTrail;

namespace Audit.Core.Access;

/// <summary>
/// The identity-provider account (issuer + subject) a user signs in with. Once linked, single sign-on matches by it
/// alone, never by e-mail again.
/// </summary>
public sealed record UserIdentity(string UserId, string Issuer, string Subject, DateTimeOffset LinkedAt)
{
    /// <summary>The longest issuer and subject stored; a provider asserting longer values is refused.</summary>
    public const int MaxLength = 200;
}

/// <summary>Links between users and provider accounts. Implementations are stateless; each call is one unit of work.</summary>
public interface IUserIdentityRepository
{
    /// <summary>The user linked to this provider account, active or not; null when none is.</summary>
    Task<User?> FindUserAsync(string issuer, string subject, CancellationToken cancellationToken = default);

    /// <summary>The identity linked to the user, or null.</summary>
    Task<UserIdentity?> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Links the user to the account and records <paramref name="audit"/> in the same transaction; false (nothing
    /// written) when the user already has an identity or the account is already linked to someone.
    /// </summary>
    Task<bool> LinkAsync(UserIdentity identity, AuditEvent audit, CancellationToken cancellationToken = default);
}
