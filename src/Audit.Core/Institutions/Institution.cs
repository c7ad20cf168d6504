namespace Audit.Core.Institutions;

/// <summary>
/// A knowledge institution that can take part in audit rounds. <see cref="Id"/> is a stable slug
/// (e.g. <c>uva</c>) used in URLs and exports; it never changes once rounds refer to it.
/// Inactive institutions stay in the registry so that earlier rounds keep resolving their names.
/// </summary>
public sealed record Institution(
    string Id,
    string Name,
    InstitutionType Type,
    string? City = null,
    string? Brin = null,
    bool Active = true);

/// <summary>
/// Unvalidated input for an institution, as it arrives from the API or a registry file:
/// everything is a string so that an unknown type can be reported instead of failing to bind.
/// </summary>
public sealed record InstitutionDraft(
    string? Id,
    string? Name,
    string? Type,
    string? City = null,
    string? Brin = null,
    bool Active = true);
