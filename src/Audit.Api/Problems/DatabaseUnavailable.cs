using System.Data.Common;
using System.Net.Sockets;

namespace Audit.Api.Problems;

/// <summary>
/// Recognises "the database is not there" among exceptions, on every engine: refused or dropped connections,
/// a server shutting down, pool and command timeouts. These become 503, never 500, and say nothing about
/// the request being wrong.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case TimeoutException:
                case SocketException:
                case Npgsql.NpgsqlException { IsTransient: true }:
                case Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" or "08000" or "08001" or "08003" or "08004" or "08006" }:
                case Microsoft.Data.SqlClient.SqlException sql when IsSqlServerConnectionError(sql):
                    return true;
                case Npgsql.NpgsqlException npgsql when npgsql is not Npgsql.PostgresException:
                    // Npgsql's own errors (not the server's) are about the connection: broken stream, failed connect.
                    return true;
                case DbException { IsTransient: true }:
                    return true;
            }
        }
        return false;
    }

    // Connection-level SqlClient errors: cannot open, network, login timeouts, server shutting down, Azure throttling.
    private static bool IsSqlServerConnectionError(Microsoft.Data.SqlClient.SqlException exception) =>
        exception.Number is -2 or -1 or 2 or 53 or 64 or 233 or 4060 or 10053 or 10054 or 10060 or 10928 or 10929 or 40197 or 40501 or 40613 or 6005;
}
