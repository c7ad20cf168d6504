using Audit.Core.Paging;

namespace Audit.Data.Paging;

/// <summary>One page of a list and the total it is a page of, read on one connection.</summary>
internal static class PagedQuery
{
    /// <param name="count">SELECT COUNT(*) over the whole (filtered) list.</param>
    /// <param name="pageSql">The rows of <paramref name="page"/>: the same filter, then ORDER BY and the dialect's paging.</param>
    public static async Task<Page<T>> ReadAsync<TRow, T>(
        IDbConnectionFactory factory, string count, string pageSql, object parameters, PageRequest page, Func<TRow, T> map,
        CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(count, parameters, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<TRow>(new CommandDefinition(pageSql, parameters, cancellationToken: cancellationToken));
        return new Page<T>(rows.Select(map).ToList(), Math.Max(1, page.Page), page.Limit, total);
    }
}
