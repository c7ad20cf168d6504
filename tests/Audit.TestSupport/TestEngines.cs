using Audit.Data.Connections;

namespace Audit.TestSupport;

/// <summary>
/// Which engines the tests run on: sqlite always; postgres when AUDIT_TEST_POSTGRES holds a connection
/// string; sqlserver when AUDIT_TEST_SQLSERVER does. An engine named in AUDIT_REQUIRE_ENGINES
/// (comma-separated) must be configured: a missing one fails instead of being skipped.
/// </summary>
public static class TestEngines
{
    public static string? AdminConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "",
        DatabaseProvider.Postgres => NullIfEmpty(Environment.GetEnvironmentVariable("AUDIT_TEST_POSTGRES")),
        DatabaseProvider.SqlServer => NullIfEmpty(Environment.GetEnvironmentVariable("AUDIT_TEST_SQLSERVER")),
        _ => null,
    };

    public static bool IsRequired(DatabaseProvider provider) =>
        (Environment.GetEnvironmentVariable("AUDIT_REQUIRE_ENGINES") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(name => DatabaseProviders.TryParse(name, out var p) && p == provider);

    /// <summary>Skips (inconclusive) or fails the current test when the engine is not configured.</summary>
    public static string RequireConfigured(DatabaseProvider provider)
    {
        var connectionString = AdminConnectionString(provider);
        if (connectionString is not null)
        {
            return connectionString;
        }
        var variable = provider == DatabaseProvider.Postgres ? "AUDIT_TEST_POSTGRES" : "AUDIT_TEST_SQLSERVER";
        if (IsRequired(provider))
        {
            Assert.Fail($"{provider.FolderName()} is required by AUDIT_REQUIRE_ENGINES but {variable} is not set.");
        }
        Assert.Inconclusive($"{provider.FolderName()} not configured: set {variable} to run these tests.");
        return "";
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
