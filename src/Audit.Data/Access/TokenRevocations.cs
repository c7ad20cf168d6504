using Audit.Core.Access;

namespace Audit.Data.Access;

/// <summary>The revocation sequence's SQL (migration V18); parsed as T-SQL by the ScriptDom test.</summary>
public sealed class TokenRevocationSql(ISqlDialect dialect)
{
    public const string BumpStatement = "UPDATE token_revocations SET revision = revision + 1 WHERE id = 1";

    public string Read { get; } = "SELECT revision FROM token_revocations WHERE id = 1";

    public string Bump { get; } = BumpStatement;

    /// <summary>For the convention that every SQL class takes the dialect; this SQL is the same on every engine.</summary>
    public ISqlDialect Dialect { get; } = dialect;
}

public sealed class TokenRevocations(IDbConnectionFactory factory) : ITokenRevocations
{
    private readonly TokenRevocationSql _sql = new(factory.Dialect);

    public async Task<long> ReadSequenceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(_sql.Read, cancellationToken: cancellationToken));
    }

    /// <summary>Moves the sequence inside the caller's transaction, so the revocation and the signal commit together.</summary>
    internal static Task BumpAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(TokenRevocationSql.BumpStatement, transaction: transaction, cancellationToken: cancellationToken));
}
