using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Audit.Reports.Localization;
using Scriban;
using Scriban.Parsing;

namespace Audit.Reports.Templates;

/// <summary>
/// Every report template under <c>templates/reports</c>, parsed once at start-up, plus the per-language texts.
/// <see cref="Load"/> fails with a <see cref="TemplateCatalogException"/> listing every problem, so a broken template
/// stops the service at start-up instead of failing one report request later. Renders never read or parse files.
/// </summary>
public sealed class TemplateCatalog
{
    public const string ReportsFolder = "reports";
    public const string LayoutKey = "reports/_layout.scriban-html";

    private readonly Dictionary<string, CatalogTemplate> templates;
    private readonly Dictionary<ReportLanguage, (string Key, string Hash, ReportTexts Texts)> languages;
    private readonly ConcurrentDictionary<(string, ReportLanguage), string> versions = new();

    private TemplateCatalog(
        ConfinedTemplateLoader loader,
        Dictionary<string, CatalogTemplate> templates,
        Dictionary<ReportLanguage, (string, string, ReportTexts)> languages)
    {
        Loader = loader;
        this.templates = templates;
        this.languages = languages;
    }

    public ConfinedTemplateLoader Loader { get; }

    /// <summary>Keys of all parsed templates, e.g. <c>reports/feedback.scriban-html</c>, sorted.</summary>
    public IReadOnlyList<string> TemplateKeys => [.. templates.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Reads and parses every template and text file; throws <see cref="TemplateCatalogException"/> on any problem.</summary>
    public static TemplateCatalog Load(string templatesRoot)
    {
        var loader = new ConfinedTemplateLoader(templatesRoot);
        var reportsFolder = Path.Combine(loader.RootPath, ReportsFolder);
        if (!Directory.Exists(reportsFolder))
        {
            throw new TemplateCatalogException([$"{ReportsFolder}/: folder not found under {loader.RootPath}"]);
        }
        var problems = new List<string>();
        var templates = new Dictionary<string, CatalogTemplate>(StringComparer.Ordinal);
        foreach (var key in FilesUnder(reportsFolder, loader.RootPath, "*" + ConfinedTemplateLoader.TemplateExtension))
        {
            if (Parse(loader, key, problems) is { } parsed)
            {
                templates.Add(key, parsed);
            }
        }
        CheckIncludes(templates, problems);
        if (!templates.ContainsKey(LayoutKey))
        {
            problems.Add($"{LayoutKey}:1:1: the layout every report is wrapped in is missing");
        }
        var languages = LoadTexts(loader, problems);
        if (problems.Count > 0)
        {
            throw new TemplateCatalogException(problems);
        }
        return new TemplateCatalog(loader, templates, languages);
    }

    internal CatalogTemplate Get(string key) =>
        templates.TryGetValue(key, out var template)
            ? template
            : throw new TemplateAccessException($"Template '{key}' is not in the catalog of report templates.");

    public ReportTexts Texts(ReportLanguage language) => languages[language].Texts;

    /// <summary>
    /// "sha256:…" over the files a render of <paramref name="key"/> uses: the template, everything it includes
    /// (transitively), the layout and the language's text file. Any edit to one of them changes the version;
    /// edits to unrelated templates do not.
    /// </summary>
    public string TemplateVersion(string key, ReportLanguage language) =>
        versions.GetOrAdd((key, language), k =>
        {
            var used = new SortedDictionary<string, string>(StringComparer.Ordinal);
            Collect(k.Item1, used);
            Collect(LayoutKey, used);
            var (textKey, textHash, _) = languages[k.Item2];
            used[textKey] = textHash;
            var manifest = new StringBuilder();
            foreach (var (file, hash) in used)
            {
                manifest.Append(file).Append('\n').Append(hash).Append('\n');
            }
            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(manifest.ToString())));
        });

    private void Collect(string key, SortedDictionary<string, string> used)
    {
        var template = Get(key);
        if (used.TryAdd(key, template.ContentHash))
        {
            foreach (var include in template.Includes)
            {
                Collect(include.Key, used);
            }
        }
    }

    private static IEnumerable<string> FilesUnder(string folder, string root, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseSensitive })
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    private static CatalogTemplate? Parse(ConfinedTemplateLoader loader, string key, List<string> problems)
    {
        string text;
        try
        {
            text = loader.ReadText(key);
        }
        catch (TemplateAccessException e)
        {
            problems.Add($"{key}:1:1: {e.Message}");
            return null;
        }
        var template = Template.Parse(text, key);
        var errors = template.Messages.Where(m => m.Type == ParserMessageType.Error).ToList();
        foreach (var error in errors)
        {
            problems.Add($"{key}:{error.Span.Start.Line + 1}:{error.Span.Start.Column + 1}: {error.Message}");
        }
        if (errors.Count > 0)
        {
            return null;
        }
        var includes = new List<IncludeRef>();
        foreach (var include in IncludeScanner.Find(template.Page))
        {
            if (include.LiteralName is null)
            {
                problems.Add($"{key}:{include.Line}:{include.Column}: include must name its template with a string literal");
                continue;
            }
            try
            {
                includes.Add(new IncludeRef(ConfinedTemplateLoader.ToKey(include.LiteralName), include.Line, include.Column));
            }
            catch (TemplateAccessException e)
            {
                problems.Add($"{key}:{include.Line}:{include.Column}: {e.Message}");
            }
        }
        return new CatalogTemplate(key, template, Hash(text), includes);
    }

    private static void CheckIncludes(Dictionary<string, CatalogTemplate> templates, List<string> problems)
    {
        foreach (var template in templates.Values)
        {
            foreach (var include in template.Includes.Where(i => !templates.ContainsKey(i.Key)))
            {
                problems.Add($"{template.Key}:{include.Line}:{include.Column}: includes '{include.Key}', which is not a template under {ReportsFolder}/");
            }
        }
    }

    private static Dictionary<ReportLanguage, (string, string, ReportTexts)> LoadTexts(ConfinedTemplateLoader loader, List<string> problems)
    {
        var result = new Dictionary<ReportLanguage, (string, string, ReportTexts)>();
        foreach (var language in ReportLanguages.All)
        {
            var key = $"{ReportsFolder}/i18n/{language.Code()}.yaml";
            try
            {
                var yaml = loader.ReadText(key);
                if (ReportTexts.Parse(key, yaml, problems) is { } texts)
                {
                    result[language] = (key, Hash(yaml), texts);
                }
            }
            catch (TemplateAccessException e)
            {
                problems.Add($"{key}:1:1: {e.Message}");
            }
        }
        // A text missing in one language would fail only the renders in that language; catch it here instead.
        if (result.Count == ReportLanguages.All.Count)
        {
            var reference = result[ReportLanguage.Nl];
            foreach (var (language, (key, _, texts)) in result.Where(r => r.Key != ReportLanguage.Nl))
            {
                foreach (var missing in reference.Item3.Keys.Except(texts.Keys, StringComparer.Ordinal))
                {
                    problems.Add($"{key}:1:1: text '{missing}' is defined in {reference.Item1} but not here");
                }
                foreach (var extra in texts.Keys.Except(reference.Item3.Keys, StringComparer.Ordinal))
                {
                    problems.Add($"{key}:1:1: text '{extra}' is not defined in {reference.Item1}");
                }
            }
        }
        return result;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A parsed template with the hash of its (newline-normalised) text and the templates it includes.</summary>
internal sealed record CatalogTemplate(string Key, Template Template, string ContentHash, IReadOnlyList<IncludeRef> Includes);

/// <summary>An include of <see cref="Key"/> at a 1-based line and column.</summary>
internal sealed record IncludeRef(string Key, int Line, int Column);
