using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Audit.Reports.Templates;

/// <summary>
/// Reads templates from one root folder (the repository's <c>templates/</c>) and nothing outside it.
/// Names are relative and '/'-separated, e.g. <c>reports/_method</c>; the extension <c>.scriban-html</c> is
/// implied. Absolute names, <c>..</c> segments and symbolic links that lead out of the root are refused, so a
/// template (or whoever edits one) cannot read arbitrary files through <c>include</c>.
/// </summary>
public sealed class ConfinedTemplateLoader : ITemplateLoader
{
    public const string TemplateExtension = ".scriban-html";

    public ConfinedTemplateLoader(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Template root does not exist: {Path.GetFullPath(root)}");
        }
        // The root itself may be a link (a deployment's current -> release-N); only what lies below it is confined.
        RootPath = RealPath.Resolve(root);
    }

    /// <summary>The root folder with every symbolic link resolved.</summary>
    public string RootPath { get; }

    /// <summary>
    /// Turns a template name into its canonical key: the root-relative path with '/' separators and an extension.
    /// The key is also the cache key, so one file has one key however it is named.
    /// </summary>
    public static string ToKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new TemplateAccessException("Template name is empty.");
        }
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new TemplateAccessException("Template name contains a NUL character.");
        }
        var normalized = name.Replace('\\', '/');
        // A drive letter or URI scheme ("C:", "file:") is as absolute as a leading slash.
        if (normalized.StartsWith('/') || Path.IsPathRooted(name) || normalized.Contains(':', StringComparison.Ordinal))
        {
            throw new TemplateAccessException($"Template name '{name}' is absolute; names are relative to the template root.");
        }
        var segments = normalized.Split('/');
        foreach (var segment in segments)
        {
            if (segment is ".." or "." or "")
            {
                throw new TemplateAccessException(
                    $"Template name '{name}' contains an empty, '.' or '..' segment; names may not leave or wander the template root.");
            }
        }
        return Path.HasExtension(segments[^1]) ? normalized : normalized + TemplateExtension;
    }

    /// <summary>Reads the file behind a key, with line endings normalised to '\n' so output does not depend on the checkout.</summary>
    public string ReadText(string key)
    {
        var canonical = ToKey(key);
        var full = Path.GetFullPath(Path.Combine(RootPath, canonical));
        if (!RealPath.IsWithin(full, RootPath))
        {
            throw new TemplateAccessException($"Template '{key}' lies outside the template root.");
        }
        if (!File.Exists(full))
        {
            throw new TemplateAccessException($"Template '{canonical}' does not exist under the template root.");
        }
        var real = RealPath.Resolve(full);
        if (!RealPath.IsWithin(real, RootPath))
        {
            throw new TemplateAccessException($"Template '{canonical}' is a link that leads outside the template root.");
        }
        return File.ReadAllText(real).ReplaceLineEndings("\n");
    }

    string ITemplateLoader.GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
        Guard(callerSpan, () => ToKey(templateName));

    string ITemplateLoader.Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        Guard(callerSpan, () => ReadText(templatePath));

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Guard(callerSpan, () => ReadText(templatePath)));

    // Inside a render, report the refusal at the include that asked for it.
    private static string Guard(SourceSpan span, Func<string> action)
    {
        try
        {
            return action();
        }
        catch (TemplateAccessException e)
        {
            throw new ScriptRuntimeException(span, e.Message, e);
        }
    }
}
