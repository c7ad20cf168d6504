using Audit.Core.Paging;

namespace Audit.Application.Institutions;

/// <summary>
/// The institution registry, ordered by id. It is public knowledge (the list of Dutch knowledge institutions), so
/// every signed-in role reads it.
/// </summary>
public sealed class ReadInstitutions(IInstitutionRepository institutions)
{
    public const int NameQueryMaxLength = 100;

    /// <summary>
    /// One page, optionally of one type (its wire name), of active or inactive institutions only, and whose name
    /// contains <paramref name="name"/> (in any case).
    /// </summary>
    public async Task<Outcome<Page<Institution>>> ExecuteAsync(
        Caller caller, string? type, bool? active, string? name, PageInput page, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = WireValues.InstitutionType(type, "type", errors);
        if (name is { Length: > NameQueryMaxLength })
        {
            errors["name"] = [$"name must be at most {NameQueryMaxLength} characters."];
        }
        page.Check(errors);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        return await institutions.ListAsync(new InstitutionQuery(parsed, active, string.IsNullOrWhiteSpace(name) ? null : name), page.ToRequest(PageRequest.MaxPageSize), cancellationToken);
    }

    public async Task<Outcome<Institution>> GetAsync(Caller caller, string id, CancellationToken cancellationToken) =>
        await institutions.GetAsync(id, cancellationToken) is { } institution ? institution : NotFound(id);

    internal static Failure.NotFound NotFound(string id) => new($"Institution '{id}' does not exist.");
}
