namespace Audit.Application.Institutions;

/// <summary>An admin adds an institution to the registry: every invalid field at once (Core's rules), and an id that is free.</summary>
public sealed class CreateInstitution(IInstitutionRepository institutions, TimeProvider clock)
{
    public async Task<Outcome<Institution>> ExecuteAsync(Caller caller, InstitutionDraft draft, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        if (!InstitutionRules.TryCreate(draft, out var institution, out var errors))
        {
            return new Failure.Invalid(FieldErrors.ToDictionary(errors));
        }
        var audit = caller.ToActor().Did("institution.created", "institution", institution.Id, clock.GetUtcNow(),
            $"{institution.Name} ({institution.Type.ToWireName()})");
        return await institutions.InsertAsync(institution, audit, cancellationToken)
            ? institution
            : new Failure.Conflict($"Institution '{institution.Id}' already exists.");
    }
}
