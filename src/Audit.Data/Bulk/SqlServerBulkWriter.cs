using System.Data;
using Microsoft.Data.SqlClient;

namespace Audit.Data.Bulk;

/// <summary>
/// SqlBulkCopy, fed in chunks of <see cref="RowsPerChunk"/> rows through a DataTable so memory stays bounded
/// whatever the row count. Constraints are checked, as the other engines do.
/// </summary>
internal sealed class SqlServerBulkWriter(IDbConnectionFactory factory) : IBulkWriter
{
    private const int RowsPerChunk = 20_000;

    public async Task<long> WriteAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = (SqlConnection)await factory.OpenAsync(cancellationToken);
        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.TableLock, null)
        {
            DestinationTableName = table.Name,
            BatchSize = RowsPerChunk,
            BulkCopyTimeout = 0,
        };
        using var chunk = new DataTable(table.Name);
        foreach (var column in table.Columns)
        {
            chunk.Columns.Add(column.Name, ClrTypeOf(column.Kind));
            copy.ColumnMappings.Add(column.Name, column.Name);
        }
        long written = 0;
        foreach (var row in rows)
        {
            chunk.Rows.Add(row.Select(v => v switch { null => DBNull.Value, DateTimeOffset dto => dto.UtcDateTime, _ => v }).ToArray());
            if (chunk.Rows.Count == RowsPerChunk)
            {
                await copy.WriteToServerAsync(chunk, cancellationToken);
                written += chunk.Rows.Count;
                chunk.Clear();
            }
        }
        if (chunk.Rows.Count > 0)
        {
            await copy.WriteToServerAsync(chunk, cancellationToken);
            written += chunk.Rows.Count;
        }
        return written;
    }

    private static Type ClrTypeOf(BulkColumnKind kind) => kind switch
    {
        BulkColumnKind.Text => typeof(string),
        BulkColumnKind.Integer => typeof(int),
        BulkColumnKind.Boolean => typeof(bool),
        BulkColumnKind.Timestamp => typeof(DateTime),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
