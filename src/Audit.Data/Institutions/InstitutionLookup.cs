using Audit.Core.Institutions;

namespace Audit.Data.Institutions;

public sealed class InstitutionLookup(IDbConnectionFactory factory) : IInstitutionLookup
{
    private readonly InstitutionSql _sql = new(factory.Dialect);

    public async Task<bool> ExistsAsync(string institutionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            _sql.Exists, new { id = institutionId }, cancellationToken: cancellationToken)) > 0;
    }
}
