using Audit.Core.Access;

namespace Audit.Data.Access;

/// <summary>
/// The shared key ring in <c>data_protection_keys</c>. No audit event: a key is infrastructure that the framework
/// creates on its own schedule (every 90 days), not an act of a user.
/// </summary>
public sealed class DataProtectionKeyRepository(IDbConnectionFactory factory) : IDataProtectionKeyRepository
{
    private readonly DataProtectionKeySql _sql = new(factory.Dialect);

    public IReadOnlyList<StoredProtectionKey> ReadAll()
    {
        using var connection = factory.Create();
        return connection.Query<Row>(_sql.ReadAll).Select(r => new StoredProtectionKey(r.Id, r.Xml, r.CreatedAt)).ToList();
    }

    public bool Store(StoredProtectionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(key.Id);
        using var connection = factory.Create();
        return connection.Execute(_sql.Insert, new { id = key.Id, xml = key.Xml, created_at = key.CreatedAt }) == 1;
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string Xml { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
    }
}
