namespace Audit.Api.Hosting;

/// <summary>
/// What one process does. A deployment scales out by running more <c>worker</c> processes against a
/// shared SQL Server or PostgreSQL; <c>all</c> is the single-process default.
/// </summary>
public enum ProcessRole
{
    All,
    Web,
    Worker,
}

public static class ProcessRoles
{
    public static bool TryParse(string? value, out ProcessRole role)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "all": role = ProcessRole.All; return true;
            case "web": role = ProcessRole.Web; return true;
            case "worker": role = ProcessRole.Worker; return true;
            default: role = ProcessRole.All; return false;
        }
    }

    public static bool ServesWeb(this ProcessRole role) => role != ProcessRole.Worker;

    public static bool RunsJobs(this ProcessRole role) => role != ProcessRole.Web;
}
