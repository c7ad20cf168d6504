using Audit.Core.Institutions;

namespace Audit.Data.Institutions;

public sealed class InstitutionLookup(IDbConnectionFactory factory) : IInstitutionLookup
{
    public async Task<bool> ExistsAsync(string institutionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM institutions WHERE id = @institutionId", new { institutionId }, cancellationToken: cancellationToken)) > 0;
    }
}
