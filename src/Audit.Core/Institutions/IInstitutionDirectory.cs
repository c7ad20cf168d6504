using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Audit.Core.Rounds;

namespace Audit.Core.Institutions;

/// <summary>An institution's participation in a round, as its registry page lists them.</summary>
public sealed record InstitutionParticipation(
    string ParticipationId, string RoundId, string RoundTitle, RoundStatus RoundStatus, ParticipationStatus Status, DateTimeOffset ClosesAt);

/// <summary>
/// What the bureau's registry pages need beyond <see cref="IInstitutionRepository"/>: an institution's contacts (its
/// respondents) and participations, and the imports, each written in one transaction with its audit events: all or
/// nothing.
/// </summary>
public interface IInstitutionDirectory
{
    /// <summary>Every respondent of the institution, active or not, ordered by name.</summary>
    Task<IReadOnlyList<User>> ContactsAsync(string institutionId, CancellationToken cancellationToken = default);

    /// <summary>The number of active respondents per institution id (institutions without any are absent).</summary>
    Task<IReadOnlyDictionary<string, int>> ActiveContactCountsAsync(CancellationToken cancellationToken = default);

    /// <summary>The institution's participations, newest round first.</summary>
    Task<IReadOnlyList<InstitutionParticipation>> ParticipationsAsync(string institutionId, CancellationToken cancellationToken = default);

    /// <summary>The whole registry (a few hundred rows at most), for matching an import against it.</summary>
    Task<IReadOnlyList<Institution>> AllAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts <paramref name="created"/> and rewrites <paramref name="updated"/> with the audit events, in one
    /// transaction; false (nothing written) when an id was taken or disappeared meanwhile.
    /// </summary>
    Task<bool> ApplyInstitutionsAsync(
        IReadOnlyList<Institution> created, IReadOnlyList<Institution> updated, IReadOnlyList<AuditEvent> audits, DateTimeOffset now,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts the new respondents and renames the existing ones with the audit events, in one transaction; false
    /// (nothing written) when an address was taken meanwhile or a respondent left the institution.
    /// </summary>
    Task<bool> ApplyContactsAsync(
        IReadOnlyList<User> created, IReadOnlyList<User> renamed, IReadOnlyList<AuditEvent> audits, CancellationToken cancellationToken = default);
}
