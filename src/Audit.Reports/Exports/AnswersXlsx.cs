using System.Text.Json;
using Audit.Core.Institutions;
using Audit.Core.Rounds;

namespace Audit.Reports.Exports;

/// <summary>One institution's row in the answers export: who it is, where its participation stands, and its answers.</summary>
public sealed record InstitutionAnswers(Institution Institution, ParticipationStatus Status, IReadOnlyDictionary<string, JsonElement> Answers);

/// <summary>What the export is and who made it, for the Metadata sheet.</summary>
public sealed record AnswersExportInfo(Round Round, DateTimeOffset GeneratedAt, string GeneratedBy);

/// <summary>
/// The bureau's raw-answers workbook for one round (analysts only: it names institutions). One sheet per theme with
/// one row per institution (id, name, type, status) and one column per question; a Codebook sheet describing every
/// question; a Metadata sheet saying what the file is. See <see cref="AnswerCells"/> for how answers are written.
/// </summary>
public static class AnswersXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CodebookSheet = "Codebook";
    public const string MetadataSheet = "Metadata";

    public static IReadOnlyList<string> InstitutionColumns { get; } = ["id", "name", "type", "status"];

    public static IReadOnlyList<string> CodebookColumns { get; } =
        ["question", "theme", "number", "text", "type", "options", "norm", "unit", "visible_when", "required", "allow_not_applicable"];

    /// <summary>
    /// Writes the workbook to <paramref name="output"/>. <paramref name="institutions"/> is enumerated once, in the
    /// order given; its answers are read during that enumeration only.
    /// </summary>
    public static void Write(Stream output, Questionnaire questionnaire, AnswersExportInfo info, IEnumerable<InstitutionAnswers> institutions)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(institutions);
        if (info.Round.Questionnaire.Key != questionnaire.Key || info.Round.Questionnaire.Version != questionnaire.Version)
        {
            throw new ArgumentException(
                $"Round '{info.Round.Id}' uses questionnaire {info.Round.Questionnaire.Key} {info.Round.Questionnaire.Version}, not {questionnaire.Key} {questionnaire.Version}.",
                nameof(questionnaire));
        }

        // One pass over the institutions (they may stream from the database); each answer becomes a small cell now.
        var themes = questionnaire.Themes;
        var rows = themes.Select(_ => new List<IReadOnlyList<SheetCell>>()).ToArray();
        var count = 0;
        foreach (var item in institutions)
        {
            var lead = new[]
            {
                SheetCell.Of(item.Institution.Id),
                SheetCell.Of(item.Institution.Name),
                SheetCell.Of(item.Institution.Type.ToWireName()),
                SheetCell.Of(item.Status.ToWireName()),
            };
            for (var t = 0; t < themes.Count; t++)
            {
                rows[t].Add([.. lead, .. themes[t].Questions.Select(q => AnswerCells.For(questionnaire, q, item.Answers))]);
            }
            count++;
        }

        using var workbook = new XlsxWorkbook(output);
        for (var t = 0; t < themes.Count; t++)
        {
            var header = InstitutionColumns.Concat(themes[t].Questions.Select(q => q.Key)).ToList();
            var widths = new double[] { 14, 40, 16, 14 }.Concat(themes[t].Questions.Select(_ => 22d)).ToList();
            workbook.AddSheet(themes[t].Key, header, rows[t], widths);
        }
        workbook.AddSheet(CodebookSheet, CodebookColumns, Codebook(questionnaire), [32, 20, 8, 60, 14, 60, 20, 16, 32, 10, 10]);
        workbook.AddSheet(MetadataSheet, ["field", "value"], Metadata(questionnaire, info, count), [24, 60]);
    }

    public static byte[] ToBytes(Questionnaire questionnaire, AnswersExportInfo info, IEnumerable<InstitutionAnswers> institutions)
    {
        using var buffer = new MemoryStream();
        Write(buffer, questionnaire, info, institutions);
        return buffer.ToArray();
    }

    private static IEnumerable<IReadOnlyList<SheetCell>> Codebook(Questionnaire questionnaire)
    {
        for (var t = 0; t < questionnaire.Themes.Count; t++)
        {
            var theme = questionnaire.Themes[t];
            for (var q = 0; q < theme.Questions.Count; q++)
            {
                var question = theme.Questions[q];
                yield return
                [
                    SheetCell.Of(question.Key),
                    SheetCell.Of(theme.Key),
                    SheetCell.Of($"{t + 1}.{q + 1}"),
                    SheetCell.Of(question.Text),
                    SheetCell.Of(question.Type.ToWireName()),
                    SheetCell.Of(Options(question)),
                    SheetCell.Of(Norm(question)),
                    SheetCell.Of(question.Unit),
                    SheetCell.Of(question.VisibleWhen is { } when ? $"{when.Question} = {when.EqualsValue}" : null),
                    SheetCell.Of(question.Required ? "yes" : "no"),
                    SheetCell.Of(question.AllowNotApplicable ? "yes" : "no"),
                ];
            }
        }
    }

    /// <summary>What a cell of this question can hold, in the words of the cell convention.</summary>
    private static string? Options(Question question) => question.Type switch
    {
        QuestionType.YesNo => "yes; no",
        QuestionType.Maturity => string.Join("; ", Enumerable.Range(Question.MaturityMin, Question.MaturityMax - Question.MaturityMin + 1)
            .Select(l => question.Levels?.TryGetValue(l, out var name) == true ? $"{l}={name}" : l.ToString(CultureInfo.InvariantCulture))),
        QuestionType.Number => Range(question),
        QuestionType.SingleChoice or QuestionType.MultiChoice => string.Join("; ", question.Options.Select(o => $"{o.Key}={o.Label}")),
        QuestionType.Grid => "rows: " + string.Join("; ", question.Rows.Select(o => $"{o.Key}={o.Label}"))
            + " | columns: " + string.Join("; ", question.Columns.Select(o => $"{o.Key}={o.Label}"))
            + " | cell: row/column=count",
        QuestionType.Text => $"free text, at most {question.EffectiveMaxLength.ToString(CultureInfo.InvariantCulture)} characters",
        _ => null,
    };

    private static string Range(Question question)
    {
        var kind = question.Integer ? "whole number" : "number";
        return (question.Min, question.Max) switch
        {
            ({ } min, { } max) => $"{kind} {Invariant(min)}..{Invariant(max)}",
            ({ } min, null) => $"{kind} >= {Invariant(min)}",
            (null, { } max) => $"{kind} <= {Invariant(max)}",
            _ => kind,
        };
    }

    private static string? Norm(Question question) => question.Norm switch
    {
        { AtLeast: { } atLeast } => ">= " + Invariant(atLeast),
        { Values: { Count: > 0 } values } => string.Join("; ", values),
        _ => null,
    };

    private static IEnumerable<IReadOnlyList<SheetCell>> Metadata(Questionnaire questionnaire, AnswersExportInfo info, int institutions)
    {
        IReadOnlyList<SheetCell> Field(string name, string? value) => [SheetCell.Of(name), SheetCell.Of(value)];
        yield return Field("round", info.Round.Id);
        yield return Field("round_title", info.Round.Title);
        yield return Field("questionnaire", questionnaire.Key);
        yield return Field("questionnaire_version", questionnaire.Version);
        yield return Field("questionnaire_title", questionnaire.Title);
        yield return Field("generated_at", info.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        yield return Field("generated_by", info.GeneratedBy);
        yield return [SheetCell.Of("institutions"), SheetCell.Of(institutions)];
        yield return Field("confidential", "Contains the answers of named institutions. For the audit bureau only.");
        yield return Field("cells",
            "yes_no: yes/no; maturity and number: numbers; choices: option labels (multi_choice joined by '; '); "
            + "grid: row/column=count for every cell; not_applicable where so answered; empty: unanswered or not asked.");
    }

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
