using System.Reflection;
using Audit.Data.Dialects;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Audit.Data.Tests.SqlServer;

/// <summary>
/// SQL Server cannot run on the development machines, so every T-SQL text we ship is at least parsed
/// by Microsoft's own parser. The real engine runs in the Azure pipeline.
/// </summary>
public static class TSqlCheck
{
    public static IReadOnlyList<string> Errors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    /// <summary>
    /// Every statement the sqlserver dialect and repositories produce. Convention: SQL lives in classes
    /// named <c>*Sql</c> in Audit.Data, constructed with an <see cref="ISqlDialect"/>; every public string
    /// property is one statement.
    /// </summary>
    public static IEnumerable<(string Name, string Sql)> RepositoryStatements(ISqlDialect dialect)
    {
        var types = typeof(SqlDialects).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Sql", StringComparison.Ordinal))
            .Where(t => t.GetConstructor([typeof(ISqlDialect)]) is not null);
        foreach (var type in types.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var instance = Activator.CreateInstance(type, dialect)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.PropertyType == typeof(string)))
            {
                yield return ($"{type.Name}.{property.Name}", (string)property.GetValue(instance)!);
            }
        }
    }
}
