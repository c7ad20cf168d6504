namespace Audit.Data.Dialects;

/// <summary>
/// Ids in an IN list, bound as parameters <c>@p0</c>, <c>@p1</c>, …. SQL Server accepts at most 2,100 parameters per
/// command, so long lists go in slices well below that, on every engine alike.
/// </summary>
internal static class IdLists
{
    public const int PerQuery = 500;

    public static IEnumerable<string[]> Slices(IEnumerable<string> ids) => ids.Chunk(PerQuery);

    /// <summary><c>@p0, @p1, …</c> for <paramref name="count"/> ids, to write between the IN list's parentheses.</summary>
    public static string Placeholders(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => "@p" + i));

    /// <summary>Adds one slice's ids as <c>p0</c>, <c>p1</c>, … to <paramref name="parameters"/> (new ones when null).</summary>
    public static DynamicParameters Bind(IReadOnlyList<string> slice, DynamicParameters? parameters = null)
    {
        parameters ??= new DynamicParameters();
        for (var i = 0; i < slice.Count; i++)
        {
            parameters.Add("p" + i, slice[i]);
        }
        return parameters;
    }
}
