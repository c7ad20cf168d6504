namespace Audit.Reports.Templates;

/// <summary>
/// Resolves every symbolic link along a path, like POSIX <c>realpath</c>, in managed code so it behaves the same on
/// Linux and Windows. <see cref="Path.GetFullPath(string)"/> only normalises text; a link inside the template folder
/// pointing elsewhere would pass a prefix check on the textual path.
/// </summary>
internal static class RealPath
{
    // Same bound as Linux's MAXSYMLINKS: a loop of links must fail, not hang.
    private const int MaxLinks = 40;

    public static string Resolve(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    private static string Resolve(string fullPath, ref int links)
    {
        var root = Path.GetPathRoot(fullPath) ?? throw new IOException($"Path has no root: {fullPath}");
        var current = root;
        var segments = fullPath[root.Length..].Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (var segment in segments)
        {
            var next = Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"Too many levels of symbolic links: {fullPath}");
                }
                // A relative target is relative to the folder holding the link, which is already resolved.
                next = Resolve(Path.GetFullPath(Path.Combine(current, target)), ref links);
            }
            current = next;
        }
        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> itself or lies below it.</summary>
    public static bool IsWithin(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Equals(folder, comparison) || path.StartsWith(prefix, comparison);
    }
}
