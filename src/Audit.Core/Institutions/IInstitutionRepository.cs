using Audit.Core.AuditTrail;
using Audit.Core.Paging;

namespace Audit.Core.Institutions;

/// <summary>Filter for the registry; a null field does not filter. <see cref="Name"/> matches part of the name, in any case.</summary>
public sealed record InstitutionQuery(InstitutionType? Type = null, bool? Active = null, string? Name = null);

/// <summary>
/// The institution registry. Implementations are stateless; each call is one unit of work. Changes are
/// recorded with their audit event in the same transaction, and the event's time is the change's time.
/// </summary>
public interface IInstitutionRepository
{
    /// <summary>Ordered by id, which is stable and sorts the same on every engine.</summary>
    Task<Page<Institution>> ListAsync(InstitutionQuery query, PageRequest page, CancellationToken cancellationToken = default);

    Task<Institution?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new institution; false (and no audit event) when the id is taken.</summary>
    Task<bool> InsertAsync(Institution institution, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes name, type, city, BRIN and active of the institution with that id (the id itself never changes);
    /// false when the id is unknown.
    /// </summary>
    Task<bool> UpdateAsync(Institution institution, AuditEvent audit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts the institutions whose id is not yet known and leaves existing ones untouched, so that an
    /// administrator's renames and deactivations survive every restart. One transaction; one
    /// <c>institution.seeded</c> event per inserted institution. Returns the ids inserted.
    /// </summary>
    Task<IReadOnlyList<string>> SeedAsync(
        IReadOnlyList<Institution> institutions, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);
}
