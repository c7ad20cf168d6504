namespace Audit.TestSupport;

public static class RepoRoot
{
    /// <summary>The folder holding Audit.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Audit.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Audit.sln not found above " + AppContext.BaseDirectory);
    }
}
