using System.Text;
using Microsoft.Data.Sqlite;

namespace Audit.Data.Bulk;

/// <summary>
/// SQLite has no bulk protocol; what makes it fast is few transactions (one fsync each) and few statement
/// executions. Rows go in multi-row INSERTs of <see cref="RowsPerStatement"/> rows, committed every
/// <see cref="RowsPerTransaction"/> rows so the WAL stays bounded.
/// </summary>
internal sealed class SqliteBulkWriter(IDbConnectionFactory factory) : IBulkWriter
{
    private const int RowsPerStatement = 50;
    private const int RowsPerTransaction = 50_000;

    public async Task<long> WriteAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await factory.OpenAsync(cancellationToken);
        long written = 0;
        SqliteTransaction? transaction = null;
        SqliteCommand? full = null;
        var batch = new List<object?[]>(RowsPerStatement);
        try
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count < RowsPerStatement)
                {
                    continue;
                }
                transaction ??= connection.BeginTransaction();
                full ??= Prepare(connection, table, RowsPerStatement);
                full.Transaction = transaction;
                await ExecuteAsync(full, batch, cancellationToken);
                written += batch.Count;
                batch.Clear();
                if (written % RowsPerTransaction == 0)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = null;
                }
            }
            if (batch.Count > 0)
            {
                transaction ??= connection.BeginTransaction();
                await using var rest = Prepare(connection, table, batch.Count);
                rest.Transaction = transaction;
                await ExecuteAsync(rest, batch, cancellationToken);
                written += batch.Count;
            }
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, BulkTable table, int rowCount)
    {
        var sql = new StringBuilder($"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ");
        var command = connection.CreateCommand();
        var columns = table.Columns.Count;
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                var name = $"@p{(r * columns) + c}";
                sql.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }

    private static async Task ExecuteAsync(SqliteCommand command, List<object?[]> batch, CancellationToken cancellationToken)
    {
        var i = 0;
        foreach (var row in batch)
        {
            foreach (var value in row)
            {
                ((DbParameter)command.Parameters[i++]).Value = Normalize(value);
            }
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Times as Microsoft.Data.Sqlite writes a UTC DateTime parameter, i.e. exactly what the repositories store.
    private static object Normalize(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset dto => dto.UtcDateTime,
        _ => value,
    };
}
