using System.ComponentModel.DataAnnotations;

namespace Audit.Data.Connections;

/// <summary>Configuration section <c>Database</c>: which engine, and where.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";
    public const string DefaultSqliteFile = "data/audit.db";

    /// <summary><c>sqlite</c> (default), <c>postgres</c> or <c>sqlserver</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Engine connection string. Empty on sqlite means <c>data/audit.db</c> under the working directory.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Optional connection string used only to migrate (a role that owns the schema); <see cref="ConnectionString"/> is then
    /// a runtime role without DDL rights and without UPDATE/DELETE on <c>audit_events</c>. Empty: one role does both.
    /// </summary>
    public string MigrationConnectionString { get; set; } = "";

    /// <summary>The connection string migrations run with: the migration role's when set, else the runtime one.</summary>
    public string MigratingConnectionString => string.IsNullOrWhiteSpace(MigrationConnectionString) ? ConnectionString : MigrationConnectionString;

    /// <summary>Folder holding <c>&lt;engine&gt;/V*.sql</c>; empty means <c>sql/</c> beside the binaries.</summary>
    public string MigrationsPath { get; set; } = "";

    public DatabaseProvider ParsedProvider =>
        DatabaseProviders.TryParse(Provider, out var p) ? p : throw new InvalidOperationException($"Unknown Database:Provider '{Provider}'.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DatabaseProviders.TryParse(Provider, out var provider))
        {
            yield return new ValidationResult(
                $"Database:Provider '{Provider}' is not supported; use sqlite, postgres or sqlserver.", [nameof(Provider)]);
        }
        else if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"Database:ConnectionString is required for provider '{Provider}'.", [nameof(ConnectionString)]);
        }
    }
}
