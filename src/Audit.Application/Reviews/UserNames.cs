namespace Audit.Application.Reviews;

/// <summary>Who did something, as the bureau's pages name them.</summary>
internal static class UserNames
{
    /// <summary>
    /// The name of each user id, each looked up once; the id itself for the system or a user that no longer exists, so
    /// a history stays readable after an account is removed.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IUserRepository users, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in userIds)
        {
            if (!names.ContainsKey(id))
            {
                names[id] = (await users.GetAsync(id, cancellationToken))?.Name ?? id;
            }
        }
        return names;
    }
}
