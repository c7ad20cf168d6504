using System.Globalization;

namespace Audit.Core.Questionnaires;

/// <summary>The fields and norm of each question type, read and checked against that type.</summary>
internal static class TypeRules
{
    public static Question YesNo(DefinitionReader reader, Fields fields, Question question)
    {
        var allowNotApplicable = fields.OptionalBoolean("allowNotApplicable") ?? false;
        QuestionNorm? norm = null;
        if (fields.Node("norm") is { } node)
        {
            var value = reader.Text(node, fields.PathOf("norm"));
            if (value is "yes" or "no")
            {
                norm = QuestionNorm.OneOf(value);
            }
            else if (value is not null)
            {
                reader.Error(fields.PathOf("norm"), "The norm of a yes_no question is \"yes\" or \"no\".");
            }
        }
        return question with { AllowNotApplicable = allowNotApplicable, Norm = norm };
    }

    public static Question Maturity(DefinitionReader reader, Fields fields, Question question)
    {
        var allowNotApplicable = fields.OptionalBoolean("allowNotApplicable") ?? false;
        QuestionNorm? norm = null;
        if (fields.Node("norm") is { } node)
        {
            var level = reader.Integer(node, fields.PathOf("norm"));
            if (level is >= Question.MaturityMin and <= Question.MaturityMax)
            {
                norm = QuestionNorm.Minimum(level.Value);
            }
            else if (level is not null)
            {
                reader.Error(fields.PathOf("norm"), "The norm of a maturity question is a level from 0 to 5.");
            }
        }
        var levels = Levels(reader, fields);
        return question with
        {
            AllowNotApplicable = allowNotApplicable,
            Norm = norm,
            Levels = levels.ToDictionary(l => l.Key, l => l.Value.Text),
            LocalizedLevels = levels,
        };
    }

    /// <summary>Labels per level; levels without a label get their number, so the stored definition always lists 0..5.</summary>
    private static SortedDictionary<int, LocalizedText> Levels(DefinitionReader reader, Fields fields)
    {
        var levels = new SortedDictionary<int, LocalizedText>();
        if (fields.Node("levels") is { } node)
        {
            var path = fields.PathOf("levels");
            if (node is not MapNode map)
            {
                reader.Error(path, "Expected a mapping from level (0 to 5) to label.");
            }
            else
            {
                foreach (var (name, value) in map.Fields)
                {
                    var levelPath = DefPath.Field(path, name);
                    if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var level)
                        || level is < Question.MaturityMin or > Question.MaturityMax)
                    {
                        reader.Error(levelPath, "A maturity level is a whole number from 0 to 5.");
                        continue;
                    }
                    if (levels.ContainsKey(level))
                    {
                        reader.Error(levelPath, $"Level {level} is labelled more than once.");
                        continue;
                    }
                    if (reader.Localized(value, levelPath) is { } label)
                    {
                        levels[level] = label;
                    }
                }
            }
        }
        for (var level = Question.MaturityMin; level <= Question.MaturityMax; level++)
        {
            levels.TryAdd(level, new LocalizedText(level.ToString(CultureInfo.InvariantCulture), reader.Language));
        }
        return levels;
    }

    public static Question Number(DefinitionReader reader, Fields fields, Question question)
    {
        var min = fields.OptionalNumber("min");
        var max = fields.OptionalNumber("max");
        if (min > max)
        {
            reader.Error(fields.PathOf("max"), $"max ({max}) is less than min ({min}).");
        }
        var norm = NumberNorm(reader, fields);
        var unit = fields.OptionalLocalized("unit");
        if (norm?.AtLeast is { } atLeast && (atLeast < min || atLeast > max))
        {
            reader.Error(fields.PathOf("norm"), "The norm lies outside min..max, so no answer could meet it exactly.");
        }
        return question with
        {
            Min = min,
            Max = max,
            Integer = fields.OptionalBoolean("integer") ?? false,
            Unit = unit?.Text,
            LocalizedUnit = unit,
            Norm = norm,
        };
    }

    /// <summary>A number's norm is written as <c>{atLeast: n}</c>, or as a plain number meaning the same.</summary>
    private static QuestionNorm? NumberNorm(DefinitionReader reader, Fields fields)
    {
        if (fields.Node("norm") is not { } node)
        {
            return null;
        }
        var path = fields.PathOf("norm");
        if (node is MapNode)
        {
            var norm = reader.Map(node, path, new HashSet<string> { "atLeast" });
            if (norm is null)
            {
                return null;
            }
            if (!norm.Has("atLeast"))
            {
                reader.Error(norm.PathOf("atLeast"), "The field 'atLeast' is required.");
                return null;
            }
            return norm.OptionalNumber("atLeast") is { } atLeast ? QuestionNorm.Minimum(atLeast) : null;
        }
        return reader.Number(node, path) is { } value ? QuestionNorm.Minimum(value) : null;
    }

    public static Question Choice(DefinitionReader reader, Fields fields, Question question)
    {
        var options = OptionList(reader, fields, "options", "A choice question needs at least one option.");
        QuestionNorm? norm = null;
        if (fields.Node("norm") is { } node && reader.Sequence(node, fields.PathOf("norm")) is { } items)
        {
            var keys = new List<string>();
            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = DefPath.Index(fields.PathOf("norm"), i);
                if (reader.Text(items[i], itemPath) is not { } key)
                {
                    continue;
                }
                if (options.All(o => o.Key != key))
                {
                    reader.Error(itemPath, $"The norm names '{key}', which is not an option of this question.");
                }
                else if (keys.Contains(key))
                {
                    reader.Error(itemPath, $"The norm names '{key}' more than once.");
                }
                else
                {
                    keys.Add(key);
                }
            }
            if (items.Count == 0)
            {
                reader.Error(fields.PathOf("norm"), "The norm lists no options; leave it out if there is no norm.");
            }
            norm = keys.Count > 0 ? new QuestionNorm(Values: keys) : null;
        }

        int? minSelected = null, maxSelected = null;
        if (question.Type == QuestionType.MultiChoice)
        {
            minSelected = SelectionBound(reader, fields, "minSelected", options.Count);
            maxSelected = SelectionBound(reader, fields, "maxSelected", options.Count);
            if (minSelected > maxSelected)
            {
                reader.Error(fields.PathOf("maxSelected"), $"maxSelected ({maxSelected}) is less than minSelected ({minSelected}).");
            }
        }
        return question with { Options = options, Norm = norm, MinSelected = minSelected, MaxSelected = maxSelected };
    }

    private static int? SelectionBound(DefinitionReader reader, Fields fields, string name, int optionCount)
    {
        var value = fields.OptionalInteger(name);
        if (value is < 0 || value > optionCount)
        {
            reader.Error(fields.PathOf(name), $"{name} must lie between 0 and the number of options ({optionCount}).");
            return null;
        }
        return value;
    }

    public static Question Grid(DefinitionReader reader, Fields fields, Question question) => question with
    {
        Rows = OptionList(reader, fields, "rows", "A grid needs at least one row."),
        Columns = OptionList(reader, fields, "columns", "A grid needs at least one column."),
    };

    public static Question Text(DefinitionReader reader, Fields fields, Question question)
    {
        var maxLength = fields.OptionalInteger("maxLength");
        if (maxLength is <= 0)
        {
            reader.Error(fields.PathOf("maxLength"), "maxLength must be at least 1.");
        }
        return question with { MaxLength = maxLength is > 0 ? maxLength : Question.DefaultTextMaxLength };
    }

    /// <summary>Options, rows or columns: a non-empty list of {key, label} with keys unique within the list.</summary>
    private static List<Option> OptionList(DefinitionReader reader, Fields fields, string name, string emptyMessage)
    {
        var result = new List<Option>();
        var items = fields.RequiredList(name, emptyMessage);
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            var option = reader.Map(items[i], DefPath.Index(fields.PathOf(name), i), new HashSet<string> { "key", "label" });
            if (option is null)
            {
                continue;
            }
            var key = option.RequiredKey("key");
            var label = option.RequiredLocalized("label");
            if (key is not null && result.Any(o => o.Key == key))
            {
                reader.Error(option.PathOf("key"), $"The key '{key}' is used more than once in {name}.");
                continue;
            }
            if (key is not null && label is not null)
            {
                result.Add(new Option(key, label.Text) { LocalizedLabel = label });
            }
        }
        return result;
    }
}
