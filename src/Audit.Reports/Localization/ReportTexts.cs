using System.Text.RegularExpressions;
using Scriban.Runtime;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Audit.Reports.Localization;

/// <summary>
/// The fixed report texts of one language, from <c>templates/reports/i18n/&lt;code&gt;.yaml</c>: nested mappings of
/// snake_case keys to strings. Templates read them as <c>t.section.key</c>; the chart code reads them by dotted key.
/// </summary>
public sealed partial class ReportTexts
{
    private readonly Dictionary<string, string> flat;
    private readonly YamlMappingNode root;

    private ReportTexts(Dictionary<string, string> flat, YamlMappingNode root)
    {
        this.flat = flat;
        this.root = root;
    }

    /// <summary>Every dotted key, sorted; used to check that all languages define the same texts.</summary>
    public IReadOnlyList<string> Keys => [.. flat.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The text at a dotted key such as <c>chart.table_summary</c>.</summary>
    public string this[string dottedKey] =>
        flat.TryGetValue(dottedKey, out var text) ? text : throw new KeyNotFoundException($"Report text '{dottedKey}' is not defined.");

    /// <summary>Parses a resource file. Problems are returned as "file:line:col: message" lines rather than thrown, so start-up can report them all.</summary>
    public static ReportTexts? Parse(string fileKey, string yaml, List<string> problems)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            problems.Add($"{fileKey}:{e.Start.Line}:{e.Start.Column}: {e.Message}");
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            problems.Add($"{fileKey}:1:1: expected one document with a mapping of texts");
            return null;
        }
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        var before = problems.Count;
        Flatten(fileKey, mapping, "", flat, problems);
        return problems.Count == before ? new ReportTexts(flat, mapping) : null;
    }

    private static void Flatten(string fileKey, YamlMappingNode mapping, string prefix, Dictionary<string, string> flat, List<string> problems)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var where = $"{fileKey}:{keyNode.Start.Line}:{keyNode.Start.Column}";
            if (!KeyPattern().IsMatch(key))
            {
                problems.Add($"{where}: text key '{key}' must be snake_case (a-z, 0-9, _) so templates can name it");
                continue;
            }
            switch (valueNode)
            {
                case YamlScalarNode scalar:
                    flat[prefix + key] = scalar.Value ?? "";
                    break;
                case YamlMappingNode nested:
                    Flatten(fileKey, nested, prefix + key + ".", flat, problems);
                    break;
                default:
                    problems.Add($"{where}: text '{prefix}{key}' must be a string or a mapping of texts");
                    break;
            }
        }
    }

    /// <summary>A fresh script object tree for one render, so a template assigning to <c>t.x</c> cannot leak into the next render.</summary>
    public ScriptObject ToScriptObject() => ToScriptObject(root);

    private static ScriptObject ToScriptObject(YamlMappingNode mapping)
    {
        var result = new ScriptObject();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            result.SetValue(key, valueNode is YamlMappingNode nested ? ToScriptObject(nested) : ((YamlScalarNode)valueNode).Value ?? "", readOnly: true);
        }
        return result;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
