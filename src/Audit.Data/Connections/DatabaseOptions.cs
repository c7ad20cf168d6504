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
