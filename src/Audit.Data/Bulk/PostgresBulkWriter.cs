using Npgsql;
using NpgsqlTypes;

namespace Audit.Data.Bulk;

/// <summary>COPY ... FROM STDIN (FORMAT BINARY): one round trip streams every row, no statement per row.</summary>
internal sealed class PostgresBulkWriter(IDbConnectionFactory factory) : IBulkWriter
{
    public async Task<long> WriteAsync(BulkTable table, IEnumerable<object?[]> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = (NpgsqlConnection)await factory.OpenAsync(cancellationToken);
        var types = table.Columns.Select(c => TypeOf(c.Kind)).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(Normalize(row[i]!), types[i], cancellationToken);
                }
            }
        }
        return (long)await importer.CompleteAsync(cancellationToken);
    }

    private static NpgsqlDbType TypeOf(BulkColumnKind kind) => kind switch
    {
        BulkColumnKind.Text => NpgsqlDbType.Text,
        BulkColumnKind.Integer => NpgsqlDbType.Integer,
        BulkColumnKind.Boolean => NpgsqlDbType.Boolean,
        BulkColumnKind.Timestamp => NpgsqlDbType.TimestampTz,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static object Normalize(object value) => value is DateTimeOffset dto ? dto.UtcDateTime : value;
}
