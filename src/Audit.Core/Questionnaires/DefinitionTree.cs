using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Audit.Core.Questionnaires;

/// <summary>One error in a questionnaire definition. <see cref="Path"/> points into the document: "themes[1].questions[3].norm".</summary>
public sealed record DefinitionError(string Path, string Message)
{
    /// <summary>The 1-based line of the source text the path points at (or its nearest written ancestor); null when unknown.</summary>
    public int? Line { get; init; }

    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}

/// <summary>
/// YAML and JSON are first read into this small format-neutral tree, so that one validator with one set of
/// paths and messages serves both formats and a definition means the same thing whichever way it arrived.
/// </summary>
internal abstract record DefNode;

internal sealed record MapNode(IReadOnlyList<KeyValuePair<string, DefNode>> Fields) : DefNode;

internal sealed record SeqNode(IReadOnlyList<DefNode> Items) : DefNode;

/// <summary>
/// A scalar keeps how it was written: a YAML plain scalar is untyped text (it may be read as a number or a
/// boolean where the field expects one), a quoted YAML scalar or JSON string is always a string.
/// </summary>
internal sealed record ScalarNode(string? Text, ScalarKind Kind) : DefNode
{
    public bool IsNull => Kind == ScalarKind.Null;
}

internal enum ScalarKind
{
    String,
    Plain,
    Number,
    Boolean,
    Null,
}

internal static class DefinitionTree
{
    public static DefNode? FromYaml(string text, List<DefinitionError> errors)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new DefinitionError("", $"YAML syntax error at line {e.Start.Line}, column {e.Start.Column}: {e.Message}"));
            return null;
        }
        if (stream.Documents.Count == 0)
        {
            errors.Add(new DefinitionError("", "The document is empty."));
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            errors.Add(new DefinitionError("", "Expected exactly one YAML document."));
            return null;
        }
        return FromYaml(stream.Documents[0].RootNode, "", errors, depth: 0);
    }

    private static DefNode FromYaml(YamlNode node, string path, List<DefinitionError> errors, int depth)
    {
        // Aliases can make a YAML graph cyclic; a definition is never nearly this deep.
        if (depth > 32)
        {
            errors.Add(new DefinitionError(path, "The document nests too deeply."));
            return new ScalarNode(null, ScalarKind.Null);
        }
        switch (node)
        {
            case YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain or ScalarStyle.Any:
                return scalar.Value is null or "" or "~" or "null" or "Null" or "NULL"
                    ? new ScalarNode(null, ScalarKind.Null)
                    : new ScalarNode(scalar.Value, ScalarKind.Plain);
            case YamlScalarNode scalar:
                return new ScalarNode(scalar.Value ?? "", ScalarKind.String);
            case YamlSequenceNode sequence:
                return new SeqNode(sequence.Children.Select((child, i) => FromYaml(child, DefPath.Index(path, i), errors, depth + 1)).ToList());
            case YamlMappingNode mapping:
                var fields = new List<KeyValuePair<string, DefNode>>();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        errors.Add(new DefinitionError(path, "A field name must be a plain text."));
                        continue;
                    }
                    AddField(fields, name, FromYaml(value, DefPath.Field(path, name), errors, depth + 1), path, errors);
                }
                return new MapNode(fields);
            default:
                errors.Add(new DefinitionError(path, "Unsupported YAML node."));
                return new ScalarNode(null, ScalarKind.Null);
        }
    }

    public static DefNode? FromJson(string text, List<DefinitionError> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            return FromJson(document.RootElement, "", errors);
        }
        catch (JsonException e)
        {
            errors.Add(new DefinitionError("", $"JSON syntax error at line {(e.LineNumber ?? 0) + 1}: {e.Message}"));
            return null;
        }
    }

    private static DefNode FromJson(JsonElement element, string path, List<DefinitionError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var fields = new List<KeyValuePair<string, DefNode>>();
                foreach (var property in element.EnumerateObject())
                {
                    AddField(fields, property.Name, FromJson(property.Value, DefPath.Field(path, property.Name), errors), path, errors);
                }
                return new MapNode(fields);
            case JsonValueKind.Array:
                return new SeqNode(element.EnumerateArray().Select((child, i) => FromJson(child, DefPath.Index(path, i), errors)).ToList());
            case JsonValueKind.String:
                return new ScalarNode(element.GetString(), ScalarKind.String);
            case JsonValueKind.Number:
                return new ScalarNode(element.GetRawText(), ScalarKind.Number);
            case JsonValueKind.True:
            case JsonValueKind.False:
                return new ScalarNode(element.ValueKind == JsonValueKind.True ? "true" : "false", ScalarKind.Boolean);
            default:
                return new ScalarNode(null, ScalarKind.Null);
        }
    }

    private static void AddField(List<KeyValuePair<string, DefNode>> fields, string name, DefNode value, string path, List<DefinitionError> errors)
    {
        // JSON allows a repeated property and the last one silently wins; in a definition that is always a mistake.
        if (fields.Any(f => f.Key == name))
        {
            errors.Add(new DefinitionError(DefPath.Field(path, name), "The field appears more than once."));
            return;
        }
        fields.Add(new KeyValuePair<string, DefNode>(name, value));
    }
}

/// <summary>Builds the error paths: "themes[1].questions[3].norm", "themes[0].questions[2].levels.7".</summary>
internal static class DefPath
{
    public static string Field(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Index(string path, int index) => $"{path}[{index}]";
}
