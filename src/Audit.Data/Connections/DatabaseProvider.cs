namespace Audit.Data.Connections;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

public static class DatabaseProviders
{
    public static bool TryParse(string? value, out DatabaseProvider provider)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "sqlite": provider = DatabaseProvider.Sqlite; return true;
            case "postgres" or "postgresql": provider = DatabaseProvider.Postgres; return true;
            case "sqlserver" or "mssql": provider = DatabaseProvider.SqlServer; return true;
            default: provider = default; return false;
        }
    }

    /// <summary>The folder name under <c>sql/</c> holding this engine's migrations.</summary>
    public static string FolderName(this DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "sqlite",
        DatabaseProvider.Postgres => "postgres",
        DatabaseProvider.SqlServer => "sqlserver",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
