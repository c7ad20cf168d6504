namespace Audit.Core.Institutions;

/// <summary>The one question access control asks about institutions: does this id exist?</summary>
public interface IInstitutionLookup
{
    Task<bool> ExistsAsync(string institutionId, CancellationToken cancellationToken = default);
}
