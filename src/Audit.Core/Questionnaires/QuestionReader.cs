namespace Audit.Core.Questionnaires;

/// <summary>
/// A question as read, before the checks that need the whole questionnaire (unique keys, visibleWhen).
/// <see cref="Question"/> is null when the type could not be determined; the key is kept so that other
/// questions' references to it are still judged correctly.
/// </summary>
internal sealed record QuestionDraft(string Path, string? Key, Question? Question, VisibleWhenDraft? VisibleWhen);

internal sealed record VisibleWhenDraft(string Path, string? Question, DefNode? EqualsValue);

/// <summary>Reads one question: the fields common to all types, then the fields of its type.</summary>
internal static class QuestionReader
{
    private static readonly string[] CommonFields = ["key", "type", "text", "help", "reference", "required", "visibleWhen"];

    /// <summary>A reference is a short citation, not a paragraph of text.</summary>
    public const int ReferenceMaxLength = 200;

    private static readonly Dictionary<QuestionType, string[]> TypeFields = new()
    {
        [QuestionType.YesNo] = ["allowNotApplicable", "norm"],
        [QuestionType.Maturity] = ["levels", "allowNotApplicable", "norm"],
        [QuestionType.Number] = ["min", "max", "integer", "unit", "norm"],
        [QuestionType.SingleChoice] = ["options", "norm"],
        [QuestionType.MultiChoice] = ["options", "minSelected", "maxSelected", "norm"],
        [QuestionType.Grid] = ["rows", "columns"],
        [QuestionType.Text] = ["maxLength"],
    };

    private static readonly HashSet<string> AnyTypeFields =
        [.. CommonFields, .. TypeFields.Values.SelectMany(f => f)];

    public static QuestionDraft Read(DefinitionReader reader, DefNode node, string path)
    {
        // The type decides which fields are allowed, so it is read before the mapping is checked.
        QuestionType? type = null;
        if (node is MapNode map && map.Fields.FirstOrDefault(f => f.Key == "type").Value is { } typeNode
            && typeNode is not ScalarNode { IsNull: true })
        {
            var wireName = reader.Text(typeNode, DefPath.Field(path, "type"));
            if (QuestionTypes.TryParse(wireName, out var parsed))
            {
                type = parsed;
            }
            else if (wireName is not null)
            {
                reader.Error(DefPath.Field(path, "type"),
                    $"Unknown question type '{wireName}'; expected one of {string.Join(", ", QuestionTypes.WireNames)}.");
            }
        }
        else if (node is MapNode)
        {
            reader.Error(DefPath.Field(path, "type"), "The field 'type' is required.");
        }

        // Without a known type only the spelling of field names can be checked.
        IReadOnlySet<string> allowed = type is { } t ? new HashSet<string>([.. CommonFields, .. TypeFields[t]]) : AnyTypeFields;
        var fields = reader.Map(node, path, allowed, name => type is { } known && AnyTypeFields.Contains(name)
            ? name == "norm"
                ? $"A {known.ToWireName()} question has no norm."
                : $"The field '{name}' does not apply to a {known.ToWireName()} question."
            : null);
        if (fields is null)
        {
            return new QuestionDraft(path, null, null, null);
        }

        var key = fields.RequiredKey("key");
        var text = fields.RequiredLocalized("text");
        var help = fields.OptionalLocalized("help");
        var reference = ReadReference(reader, fields);
        var required = fields.OptionalBoolean("required") ?? false;
        var visibleWhen = ReadVisibleWhen(reader, fields);
        if (type is not { } questionType)
        {
            return new QuestionDraft(path, key, null, visibleWhen);
        }

        var question = new Question
        {
            Key = key ?? "",
            Type = questionType,
            Text = text?.Text ?? "",
            LocalizedText = text ?? new LocalizedText("", reader.Language),
            Help = help?.Text,
            LocalizedHelp = help,
            Reference = reference,
            Required = required,
        };
        question = questionType switch
        {
            QuestionType.YesNo => TypeRules.YesNo(reader, fields, question),
            QuestionType.Maturity => TypeRules.Maturity(reader, fields, question),
            QuestionType.Number => TypeRules.Number(reader, fields, question),
            QuestionType.SingleChoice or QuestionType.MultiChoice => TypeRules.Choice(reader, fields, question),
            QuestionType.Grid => TypeRules.Grid(reader, fields, question),
            QuestionType.Text => TypeRules.Text(reader, fields, question),
            _ => question,
        };
        return new QuestionDraft(path, key, question, visibleWhen);
    }

    private static string? ReadReference(DefinitionReader reader, Fields fields)
    {
        var reference = fields.OptionalText("reference");
        if (reference is null)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > ReferenceMaxLength)
        {
            reader.Error(fields.PathOf("reference"), $"A reference is a text of 1 to {ReferenceMaxLength} characters; leave it out when there is none.");
            return null;
        }
        return reference.Trim();
    }

    private static VisibleWhenDraft? ReadVisibleWhen(DefinitionReader reader, Fields fields)
    {
        if (fields.Node("visibleWhen") is not { } node)
        {
            return null;
        }
        var path = fields.PathOf("visibleWhen");
        var condition = reader.Map(node, path, new HashSet<string> { "question", "equals" });
        if (condition is null)
        {
            return null;
        }
        var target = condition.RequiredText("question");
        var equals = condition.Node("equals");
        if (equals is null)
        {
            reader.Error(condition.PathOf("equals"), "The field 'equals' is required.");
        }
        return new VisibleWhenDraft(path, target, equals);
    }
}
