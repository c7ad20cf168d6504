namespace Audit.Core.Access;

/// <summary>One stored data-protection key: its name (unique), the key's XML as the framework wrote it, and when.</summary>
public sealed record StoredProtectionKey(string Id, string Xml, DateTimeOffset CreatedAt);

/// <summary>
/// The key ring every web instance shares (antiforgery tokens, sign-in state). Synchronous because the framework's key
/// store interface is; it is called once per key-ring refresh (about daily) and when a key is created, never per request.
/// </summary>
public interface IDataProtectionKeyRepository
{
    /// <summary>Every stored key, oldest first.</summary>
    IReadOnlyList<StoredProtectionKey> ReadAll();

    /// <summary>Stores a key unless one with the same id exists; true when this call stored it.</summary>
    bool Store(StoredProtectionKey key);
}
