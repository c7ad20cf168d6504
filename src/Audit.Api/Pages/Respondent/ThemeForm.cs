using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Audit.Core.Answers;
using Audit.Core.Questionnaires;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// What a person entered for one question, as text, before it is read as an answer: the chosen radio or the typed
/// text (<see cref="Text"/>), the ticked boxes (<see cref="Selected"/>) or the grid's cells by <c>row:column</c>.
/// The form is re-rendered from this, so whatever was typed comes back, valid or not.
/// </summary>
public sealed record RawAnswer(string Text, IReadOnlySet<string> Selected, IReadOnlyDictionary<string, string> Cells)
{
    public static RawAnswer Empty { get; } = new("", new HashSet<string>(), new Dictionary<string, string>());

    public static string CellKey(string row, string column) => row + ":" + column;

    public string Cell(string row, string column) => Cells.TryGetValue(CellKey(row, column), out var value) ? value : "";

    /// <summary>The typed comment ("Toelichting"), line breaks as LF; null when the form did not carry the field (keep the stored one).</summary>
    public string? Comment { get; init; }
}

/// <summary>
/// A problem with one field: <see cref="Kind"/> names a text under <c>t.{Texts}.errors</c>; <see cref="CellId"/> the
/// element at fault when it is not the question's first control (a grid cell, the comment).
/// </summary>
public sealed record FieldError(string Kind, object? Arg1 = null, object? Arg2 = null, string? CellId = null)
{
    /// <summary>Kinds added for issue 18, whose texts are in the <c>respondent_questions</c> section rather than <c>theme</c>.</summary>
    private static readonly HashSet<string> QuestionKinds = new(StringComparer.Ordinal)
    {
        "whole", "whole_between", "whole_min", "whole_max", "comment_needs_answer", "comment_too_long",
    };

    /// <summary>The i18n section whose <c>errors</c> word this error.</summary>
    public string Texts => QuestionKinds.Contains(Kind) ? "respondent_questions" : "theme";
}

/// <summary>An entry read as an answer: empty (clear it), a canonical value, or an error.</summary>
public sealed record ParsedAnswer(JsonElement? Value, FieldError? Error)
{
    public bool IsEmpty => Value is null && Error is null;
}

/// <summary>
/// The theme form's fields, named after the question keys (which never hold a colon): <c>a:key</c> for the answer,
/// <c>a:key:row:column</c> for a grid cell, <c>v:key</c> for the version the page was rendered with and <c>q</c> for each
/// question the page showed. Reading a field gives a <see cref="RawAnswer"/>; <see cref="Parse"/> turns that into the
/// canonical answer JSON, and Core's <see cref="AnswerValidator"/> stays the judge of what is valid.
/// </summary>
public static class ThemeForm
{
    public const string ShownField = "q";
    public const string ActionField = "actie";
    public const string NextAction = "verder";

    public static string AnswerField(string key) => "a:" + key;

    public static string CellField(string key, string row, string column) => $"a:{key}:{row}:{column}";

    public static string VersionField(string key) => "v:" + key;

    /// <summary>The comment ("Toelichting") that goes with the answer; the API stores it as the answer's <c>comment</c>.</summary>
    public static string CommentField(string key) => "c:" + key;

    public static RawAnswer FromForm(Question question, IFormCollection form)
    {
        var comment = form.TryGetValue(CommentField(question.Key), out var posted)
            ? (posted.FirstOrDefault() ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            : null;
        return Entered(question, form) with { Comment = comment };
    }

    private static RawAnswer Entered(Question question, IFormCollection form)
    {
        var name = AnswerField(question.Key);
        return question.Type switch
        {
            QuestionType.MultiChoice => RawAnswer.Empty with { Selected = form[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToHashSet(StringComparer.Ordinal) },
            QuestionType.Grid => RawAnswer.Empty with
            {
                Cells = question.Rows.SelectMany(r => question.Columns.Select(c => (Key: RawAnswer.CellKey(r.Key, c.Key), Value: form[CellField(question.Key, r.Key, c.Key)].ToString())))
                    .Where(cell => cell.Value.Length > 0).ToDictionary(cell => cell.Key, cell => cell.Value, StringComparer.Ordinal),
            },
            // Browsers send a textarea's line breaks as CR LF but count them as one character against maxlength.
            QuestionType.Text => RawAnswer.Empty with { Text = (form[name].FirstOrDefault() ?? "").Replace("\r\n", "\n", StringComparison.Ordinal) },
            _ => RawAnswer.Empty with { Text = form[name].FirstOrDefault() ?? "" },
        };
    }

    /// <summary>A stored answer as the form shows it; numbers with the decimal separator of <paramref name="culture"/>.</summary>
    public static RawAnswer FromStored(Question question, JsonElement value, CultureInfo culture)
    {
        switch (question.Type)
        {
            case QuestionType.MultiChoice when value.ValueKind == JsonValueKind.Array:
                return RawAnswer.Empty with { Selected = value.EnumerateArray().Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal) };
            case QuestionType.Grid when value.ValueKind == JsonValueKind.Object:
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var row in value.EnumerateObject().Where(r => r.Value.ValueKind == JsonValueKind.Object))
                {
                    foreach (var cell in row.Value.EnumerateObject())
                    {
                        cells[RawAnswer.CellKey(row.Name, cell.Name)] = cell.Value.GetRawText();
                    }
                }
                return RawAnswer.Empty with { Cells = cells };
            case QuestionType.Number when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number):
                return RawAnswer.Empty with { Text = number.ToString(CultureInfo.InvariantCulture).Replace(".", culture.NumberFormat.NumberDecimalSeparator, StringComparison.Ordinal) };
            default:
                return RawAnswer.Empty with { Text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText() };
        }
    }

    public static ParsedAnswer Parse(Question question, RawAnswer raw)
    {
        var (node, error) = question.Type switch
        {
            QuestionType.YesNo or QuestionType.SingleChoice => (raw.Text.Length == 0 ? null : JsonValue.Create(raw.Text), null),
            QuestionType.Maturity => Maturity(raw.Text),
            QuestionType.Number => Number(question, raw.Text),
            QuestionType.MultiChoice => MultiChoice(question, raw.Selected),
            QuestionType.Grid => Grid(question, raw),
            _ => Text(question, raw.Text),
        };
        if (error is not null || node is null)
        {
            return new ParsedAnswer(null, error);
        }
        var value = JsonSerializer.SerializeToElement(node);
        // Core decides; the checks above only choose the words for the likely mistakes.
        return AnswerValidator.Validate(question, value).Count == 0 ? new ParsedAnswer(value, null) : new ParsedAnswer(null, new FieldError("invalid"));
    }

    private static (JsonNode?, FieldError?) Maturity(string text) =>
        text.Length == 0 ? (null, null)
        : text == Question.NotApplicable ? (JsonValue.Create(text), null)
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? (JsonValue.Create(level), null)
        : (null, new FieldError("invalid"));

    private static (JsonNode?, FieldError?) Number(Question question, string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return (null, null);
        }
        var fits = TryParseNumber(text, out var number)
            && (!question.Integer || number == decimal.Truncate(number))
            && !(number < question.Min || number > question.Max);
        return fits ? (JsonValue.Create(number), null) : (null, NumberError(question));
    }

    /// <summary>
    /// What to say about any entry a number question refuses (not a number, not whole, out of range): its own rule in
    /// one sentence, "a whole number from 0 to 100", so the message matches the hint. The page renders the same
    /// message for autosave.js, which checks the same three things before sending.
    /// </summary>
    public static FieldError NumberError(Question question) => question switch
    {
        { Min: { } min, Max: { } max } => new FieldError(question.Integer ? "whole_between" : "between", min, max),
        { Min: { } min } => new FieldError(question.Integer ? "whole_min" : "min", min),
        { Max: { } max } => new FieldError(question.Integer ? "whole_max" : "max", max),
        _ => new FieldError(question.Integer ? "whole" : "not_a_number"),
    };

    /// <summary>Digits with at most one decimal point or comma (Dutch users type a comma); no thousands separators.</summary>
    public static bool TryParseNumber(string text, out decimal number)
    {
        number = 0;
        var normalized = text.Replace(',', '.');
        return normalized.Count(c => c == '.') <= 1
            && decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }

    private static (JsonNode?, FieldError?) MultiChoice(Question question, IReadOnlySet<string> selected)
    {
        if (selected.Count == 0)
        {
            return (null, null);
        }
        if (selected.Count < question.MinSelected)
        {
            return (null, new FieldError("min_selected", question.MinSelected));
        }
        if (selected.Count > question.MaxSelected)
        {
            return (null, new FieldError("max_selected", question.MaxSelected));
        }
        // Option order, so an unchanged choice compares equal to the stored one.
        var ordered = question.Options.Select(o => o.Key).Where(selected.Contains).Concat(selected.Where(s => question.Options.All(o => o.Key != s)));
        return (new JsonArray([.. ordered.Select(k => (JsonNode?)JsonValue.Create(k))]), null);
    }

    private static (JsonNode?, FieldError?) Grid(Question question, RawAnswer raw)
    {
        if (raw.Cells.Values.All(string.IsNullOrWhiteSpace))
        {
            return (null, null);
        }
        var rows = new JsonObject();
        for (var r = 0; r < question.Rows.Count; r++)
        {
            var cells = new JsonObject();
            for (var c = 0; c < question.Columns.Count; c++)
            {
                var text = raw.Cell(question.Rows[r].Key, question.Columns[c].Key).Trim();
                if (text.Length == 0)
                {
                    continue; // a missing cell counts as 0
                }
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    return (null, new FieldError("grid_cell", question.Rows[r].Label, question.Columns[c].Label, ThemeIds.Cell(question.Key, r, c)));
                }
                cells[question.Columns[c].Key] = count;
            }
            if (cells.Count > 0)
            {
                rows[question.Rows[r].Key] = cells;
            }
        }
        return (rows, null);
    }

    private static (JsonNode?, FieldError?) Text(Question question, string text) =>
        string.IsNullOrWhiteSpace(text) ? (null, null)
        : text.Length > question.EffectiveMaxLength ? (null, new FieldError("too_long", question.EffectiveMaxLength, text.Length))
        : (JsonValue.Create(text), null);

    /// <summary>The same answer, whatever the order of a choice list or the grid's keys and zero cells.</summary>
    public static bool SameValue(Question question, JsonElement a, JsonElement b) => question.Type switch
    {
        QuestionType.MultiChoice when a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array =>
            a.EnumerateArray().Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal).SetEquals(b.EnumerateArray().Select(v => v.ToString())),
        QuestionType.Grid when a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object => GridCells(a).SetEquals(GridCells(b)),
        QuestionType.Number or QuestionType.Maturity when a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number =>
            a.GetDecimal() == b.GetDecimal(),
        _ => a.GetRawText() == b.GetRawText(),
    };

    private static HashSet<string> GridCells(JsonElement grid) =>
        grid.EnumerateObject().Where(r => r.Value.ValueKind == JsonValueKind.Object)
            .SelectMany(r => r.Value.EnumerateObject().Where(c => c.Value.GetRawText() != "0").Select(c => $"{r.Name}:{c.Name}={c.Value.GetRawText()}"))
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>Element ids of the theme page, derived from question keys (which are valid in ids as they are).</summary>
public static class ThemeIds
{
    public static string Question(string key) => "q-" + key;

    public static string Field(string key) => "v-" + key;

    public static string Option(string key, int index) => $"v-{key}-{index}";

    public static string Cell(string key, int row, int column) => $"v-{key}-r{row}-c{column}";

    public static string Error(string key) => "e-" + key;

    public static string Hint(string key) => "h-" + key;

    public static string Status(string key) => "s-" + key;

    public static string Comment(string key) => "c-" + key;
}
