namespace Audit.Application.Institutions;

/// <summary>The fields an admin changes; a null field keeps its value. The id never changes.</summary>
public sealed record InstitutionChange(string? Name, string? Type, string? City, string? Brin, bool? Active);

/// <summary>An admin renames, retypes or deactivates an institution; the result must pass the same rules as a new one.</summary>
public sealed class UpdateInstitution(IInstitutionRepository institutions, TimeProvider clock)
{
    public async Task<Outcome<Institution>> ExecuteAsync(Caller caller, string id, InstitutionChange change, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        if (await institutions.GetAsync(id, cancellationToken) is not { } current)
        {
            return ReadInstitutions.NotFound(id);
        }
        var draft = new InstitutionDraft(current.Id, change.Name ?? current.Name, change.Type ?? current.Type.ToWireName(),
            change.City ?? current.City, change.Brin ?? current.Brin, change.Active ?? current.Active);
        if (!InstitutionRules.TryCreate(draft, out var changed, out var errors))
        {
            return new Failure.Invalid(FieldErrors.ToDictionary(errors));
        }
        var summary = $"{current.Name} → {changed.Name}; type {current.Type.ToWireName()} → {changed.Type.ToWireName()}; active {current.Active} → {changed.Active}";
        await institutions.UpdateAsync(changed, caller.ToActor().Did("institution.updated", "institution", id, clock.GetUtcNow(), summary), cancellationToken);
        return changed;
    }
}
