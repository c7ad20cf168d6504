namespace Audit.Data.Paging;

/// <summary>
/// A list's optional filters as one WHERE clause of ANDed conditions, each bound to its own parameter. Conditions
/// are fixed SQL written by the repository; only the values come from the caller.
/// </summary>
internal sealed class SqlFilter
{
    private readonly List<string> _conditions = [];

    public DynamicParameters Parameters { get; } = new();

    /// <summary>Empty without conditions, else <c> WHERE a AND b …</c>, to append to a SELECT or COUNT.</summary>
    public string Where => _conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions);

    public void Add(string condition, string name, object value)
    {
        _conditions.Add(condition);
        Parameters.Add(name, value);
    }
}
