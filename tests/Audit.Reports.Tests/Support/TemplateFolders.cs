namespace Audit.Reports.Tests.Support;

/// <summary>Where the shipped templates are (copied next to the test assembly) and scratch template folders for tests.</summary>
internal static class TemplateFolders
{
    /// <summary>The repository's templates/ folder as copied to the test output.</summary>
    public static string Shipped { get; } = Path.Combine(AppContext.BaseDirectory, "templates");

    /// <summary>
    /// A throw-away templates/ folder holding the shipped i18n files, a bare layout (<c>{{ content }}</c>) and
    /// <paramref name="files"/> (paths relative to templates/). Disposing deletes it.
    /// </summary>
    public static ScratchFolder Scratch(IReadOnlyDictionary<string, string> files)
    {
        var root = Path.Combine(Path.GetTempPath(), "audit-templates-" + Guid.NewGuid().ToString("N"));
        var i18n = Path.Combine(root, "reports", "i18n");
        Directory.CreateDirectory(i18n);
        foreach (var file in Directory.GetFiles(Path.Combine(Shipped, "reports", "i18n")))
        {
            File.Copy(file, Path.Combine(i18n, Path.GetFileName(file)));
        }
        File.WriteAllText(Path.Combine(root, "reports", "_layout.scriban-html"), "{{ content }}");
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        return new ScratchFolder(root);
    }
}

internal sealed class ScratchFolder(string root) : IDisposable
{
    public string Root { get; } = root;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
