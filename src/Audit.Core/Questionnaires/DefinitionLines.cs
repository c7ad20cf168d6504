using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Audit.Core.Questionnaires;

/// <summary>
/// Where each path of a definition was written, so an error can name its line as well as its path: the author edits a
/// file, not a tree. Kept apart from <see cref="DefinitionTree"/> because only a failed load needs it, and then the text
/// is read a second time for the positions.
/// </summary>
public static class DefinitionLines
{
    /// <summary>
    /// The result with each error's <see cref="DefinitionError.Line"/> set: the line of its path, or of the nearest
    /// ancestor written in the text (a missing field is reported at the object that lacks it).
    /// </summary>
    public static QuestionnaireLoadResult Annotate(QuestionnaireLoadResult result, Func<IReadOnlyDictionary<string, int>> lines)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(lines);
        if (result.IsValid || result.Errors.Count == 0)
        {
            return result;
        }
        IReadOnlyDictionary<string, int> map;
        try
        {
            map = lines();
        }
        catch (Exception e) when (e is YamlException or JsonException)
        {
            // A syntax error already names its line in the message; there is no tree to map.
            return result;
        }
        return result with { Errors = [.. result.Errors.Select(e => e.Line is null && LineOf(map, e.Path) is { } line ? e with { Line = line } : e)] };
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest ancestor in <paramref name="map"/>.</summary>
    public static int? LineOf(IReadOnlyDictionary<string, int> map, string path)
    {
        ArgumentNullException.ThrowIfNull(map);
        for (var current = path; ; current = Parent(current))
        {
            if (map.TryGetValue(current, out var line))
            {
                return line;
            }
            if (current.Length == 0)
            {
                return null;
            }
        }
    }

    /// <summary>"themes[1].questions[3].norm" → "themes[1].questions[3]" → "themes[1].questions" → "themes[1]" → "themes" → "".</summary>
    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    public static IReadOnlyDictionary<string, int> OfYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0)
        {
            Walk(stream.Documents[0].RootNode, "", map, 0);
        }
        return map;
    }

    private static void Walk(YamlNode node, string path, Dictionary<string, int> map, int depth)
    {
        if (depth > 32)
        {
            return;
        }
        map.TryAdd(path, checked((int)node.Start.Line));
        switch (node)
        {
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Walk(sequence.Children[i], DefPath.Index(path, i), map, depth + 1);
                }
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        // The field's line is its key's: a block value starts on the next line.
                        var fieldPath = DefPath.Field(path, name);
                        map.TryAdd(fieldPath, checked((int)key.Start.Line));
                        Walk(value, fieldPath, map, depth + 1);
                    }
                }
                break;
        }
    }

    public static IReadOnlyDictionary<string, int> OfJson(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 32 });
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        // One frame per open container: its path, and for an array the index of the next item.
        var frames = new Stack<(string Path, bool IsArray, int Next)>();
        string? pendingField = null;
        var lineStarts = LineStarts(bytes);
        while (reader.Read())
        {
            var line = LineAt(lineStarts, reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                pendingField = DefPath.Field(frames.Count == 0 ? "" : frames.Peek().Path, reader.GetString() ?? "");
                map.TryAdd(pendingField, line);
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                frames.Pop();
                continue;
            }
            string path;
            if (pendingField is not null)
            {
                path = pendingField;
                pendingField = null;
            }
            else if (frames.Count > 0 && frames.Peek().IsArray)
            {
                var frame = frames.Pop();
                path = DefPath.Index(frame.Path, frame.Next);
                frames.Push(frame with { Next = frame.Next + 1 });
            }
            else
            {
                path = "";
            }
            map.TryAdd(path, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
        return map;
    }

    private static List<long> LineStarts(byte[] bytes)
    {
        List<long> starts = [0];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts;
    }

    private static int LineAt(List<long> starts, long offset)
    {
        var index = starts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
