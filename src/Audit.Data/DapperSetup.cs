using System.Data;
using System.Globalization;
using Microsoft.Data.SqlClient;

namespace Audit.Data;

/// <summary>
/// Times are stored as UTC on every engine (text on SQLite, timestamptz on PostgreSQL, datetime2 on
/// SQL Server) and always surface as UTC <see cref="DateTimeOffset"/>: the drivers disagree on what
/// they hand back, so one handler normalises them.
/// </summary>
public static class DapperSetup
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }
        // Dapper's built-in map would otherwise win over the handler when writing parameters.
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
    }

    private sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.Value = value.UtcDateTime;
            if (parameter is SqlParameter)
            {
                // Without this SqlClient sends legacy datetime and loses precision.
                parameter.DbType = DbType.DateTime2;
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset dto => dto.ToUniversalTime(),
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Local ? DateTimeKind.Local : DateTimeKind.Utc)).ToUniversalTime(),
            string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new DataException($"Cannot convert {value.GetType().Name} to DateTimeOffset."),
        };
    }
}
