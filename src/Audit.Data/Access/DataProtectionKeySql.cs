namespace Audit.Data.Access;

/// <summary>The data-protection key store's SQL; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class DataProtectionKeySql(ISqlDialect dialect)
{
    public string ReadAll { get; } =
        "SELECT id, xml, created_at AS CreatedAt FROM data_protection_keys ORDER BY created_at, id";

    // A key is written once: a second store of the same name (a retry, or two instances racing) changes nothing.
    public string Insert { get; } = dialect.InsertIfAbsent("data_protection_keys", ["id"], ["xml", "created_at"]);
}
