namespace Audit.Data.Bulk;

/// <summary>How a column's values travel: the binary COPY protocol and SqlBulkCopy need the type up front.</summary>
public enum BulkColumnKind
{
    Text,
    Integer,
    Boolean,

    /// <summary>A UTC <see cref="DateTime"/>; stored as every repository stores times (text, timestamptz, datetime2).</summary>
    Timestamp,
}

public sealed record BulkColumn(string Name, BulkColumnKind Kind);

/// <summary>A target table and the columns each row supplies, in order. Columns left out take their defaults.</summary>
public sealed record BulkTable(string Name, IReadOnlyList<BulkColumn> Columns)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
}

/// <summary>
/// Writes many rows straight into one table with the engine's fastest path. Rows are arrays in
/// <see cref="BulkTable.Columns"/> order. Bypasses the repositories on purpose: it is for generated data at
/// scale, where one statement per row would dominate the time being measured.
/// </summary>
public interface IBulkWriter
{
    Task<long> WriteAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default);
}
