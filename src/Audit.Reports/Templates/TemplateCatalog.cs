using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Audit.Reports.Localization;
using Scriban;
using Scriban.Parsing;

namespace Audit.Reports.Templates;

/// <summary>
/// Every template of one folder under <c>templates/</c> (<c>reports</c> or <c>pages</c>), parsed once at start-up, plus
/// that folder's per-language texts (<c>i18n/nl.yaml</c>, <c>i18n/en.yaml</c>) and its <c>_layout</c>.
/// <see cref="Load(string, string)"/> fails with a <see cref="TemplateCatalogException"/> listing every problem, so a broken
/// template stops the service at start-up instead of failing one request later. Renders never read or parse files.
/// </summary>
public sealed class TemplateCatalog
{
    public const string ReportsFolder = "reports";
    public const string PagesFolder = "pages";
    public const string LayoutKey = "reports/_layout.scriban-html";

    private readonly Dictionary<string, CatalogTemplate> templates;
    private readonly Dictionary<ReportLanguage, (string Key, string Hash, ReportTexts Texts)> languages;
    private readonly ConcurrentDictionary<(string, ReportLanguage), string> versions = new();

    private TemplateCatalog(
        string folder,
        ConfinedTemplateLoader loader,
        Dictionary<string, CatalogTemplate> templates,
        Dictionary<ReportLanguage, (string, string, ReportTexts)> languages)
    {
        Folder = folder;
        Layout = LayoutOf(folder);
        Loader = loader;
        this.templates = templates;
        this.languages = languages;
    }

    public ConfinedTemplateLoader Loader { get; }

    /// <summary>The folder under the template root this catalog holds, e.g. <c>reports</c>.</summary>
    public string Folder { get; }

    /// <summary>The key of the layout every template of <see cref="Folder"/> is wrapped in, e.g. <see cref="LayoutKey"/>.</summary>
    public string Layout { get; }

    /// <summary>Keys of all parsed templates, e.g. <c>reports/feedback.scriban-html</c>, sorted.</summary>
    public IReadOnlyList<string> TemplateKeys => [.. templates.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The report templates (<c>templates/reports</c>).</summary>
    public static TemplateCatalog Load(string templatesRoot) => Load(templatesRoot, ReportsFolder);

    /// <summary>
    /// Reads and parses every template and text file of <paramref name="folder"/> (<see cref="ReportsFolder"/> or
    /// <see cref="PagesFolder"/>); throws <see cref="TemplateCatalogException"/> on any problem. Includes may only name
    /// templates of the same folder, so pages and reports stay independent of each other.
    /// </summary>
    public static TemplateCatalog Load(string templatesRoot, string folder)
    {
        if (folder is not (ReportsFolder or PagesFolder))
        {
            throw new ArgumentException($"Template folder '{folder}' is not one of '{ReportsFolder}', '{PagesFolder}'.", nameof(folder));
        }
        var loader = new ConfinedTemplateLoader(templatesRoot);
        var folderPath = Path.Combine(loader.RootPath, folder);
        if (!Directory.Exists(folderPath))
        {
            throw new TemplateCatalogException([$"{folder}/: folder not found under {loader.RootPath}"]);
        }
        var layout = LayoutOf(folder);
        var problems = new List<string>();
        var templates = new Dictionary<string, CatalogTemplate>(StringComparer.Ordinal);
        foreach (var key in FilesUnder(folderPath, loader.RootPath, "*" + ConfinedTemplateLoader.TemplateExtension))
        {
            if (Parse(loader, key, problems) is { } parsed)
            {
                templates.Add(key, parsed);
            }
        }
        CheckIncludes(folder, templates, problems);
        if (!templates.ContainsKey(layout))
        {
            problems.Add($"{layout}:1:1: the layout every template of {folder}/ is wrapped in is missing");
        }
        var languages = LoadTexts(folder, loader, problems);
        if (problems.Count > 0)
        {
            throw new TemplateCatalogException(problems);
        }
        return new TemplateCatalog(folder, loader, templates, languages);
    }

    private static string LayoutOf(string folder) => $"{folder}/_layout{ConfinedTemplateLoader.TemplateExtension}";

    /// <summary>True when <paramref name="key"/> (a canonical key such as <c>pages/start.scriban-html</c>) is in the catalog.</summary>
    public bool Contains(string key) => templates.ContainsKey(key);

    internal CatalogTemplate Get(string key) =>
        templates.TryGetValue(key, out var template)
            ? template
            : throw new TemplateAccessException($"Template '{key}' is not in the catalog of {Folder} templates.");

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
            Collect(Layout, used);
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

    private static void CheckIncludes(string folder, Dictionary<string, CatalogTemplate> templates, List<string> problems)
    {
        foreach (var template in templates.Values)
        {
            foreach (var include in template.Includes.Where(i => !templates.ContainsKey(i.Key)))
            {
                problems.Add($"{template.Key}:{include.Line}:{include.Column}: includes '{include.Key}', which is not a template under {folder}/");
            }
        }
    }

    private static Dictionary<ReportLanguage, (string, string, ReportTexts)> LoadTexts(string folder, ConfinedTemplateLoader loader, List<string> problems)
    {
        var result = new Dictionary<ReportLanguage, (string, string, ReportTexts)>();
        foreach (var language in ReportLanguages.All)
        {
            var key = $"{folder}/i18n/{language.Code()}.yaml";
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
