using System.Text.Json;

namespace Audit.Reports.Exports.Analysis;

/// <summary>A round in the export, as README.txt names it.</summary>
public sealed record AnalysisRound(string Id, string Title, string QuestionnaireKey, string QuestionnaireVersion);

/// <summary>One participation's answers with the questionnaire version it answered.</summary>
public sealed record AnalysisRecord(
    string RoundId, string ParticipationId, string InstitutionId, string InstitutionName, string InstitutionType, string Status,
    Questionnaire Questionnaire, IReadOnlyDictionary<string, JsonElement> Answers);

/// <summary>
/// What goes into one analysis zip. <see cref="Questionnaire"/> defines the variables: the round's own, or for a trend
/// the questions the rounds share (<see cref="TrendQuestionnaire"/>), whose left-out keys are in <see cref="LeftOut"/>.
/// </summary>
public sealed record AnalysisExport(
    IReadOnlyList<AnalysisRound> Rounds, Questionnaire Questionnaire, IReadOnlyList<AnalysisRecord> Records,
    DateTimeOffset GeneratedAt, string GeneratedBy, bool IncludesSubmitted)
{
    public IReadOnlyList<string> LeftOut { get; init; } = [];

    /// <summary>A trend export (more than one round) carries a <c>round</c> column.</summary>
    public bool IsTrend => Rounds.Count > 1;

    public IReadOnlyList<string> FixedColumns => IsTrend ? VariableNames.FixedColumns : VariableNames.FixedColumns.Skip(1).ToList();

    public IReadOnlyList<string?> FixedValues(AnalysisRecord record)
    {
        string?[] values = [record.ParticipationId, record.InstitutionId, record.InstitutionName, record.InstitutionType, record.Status];
        return IsTrend ? [record.RoundId, .. values] : values;
    }
}

/// <summary>The data files: wide (one row per participation), long (one row per participation × variable) and the codebook.</summary>
public static class AnalysisFiles
{
    public const string WideFile = "answers-wide.csv";
    public const string LongFile = "answers-long.csv";
    public const string CodebookFile = "codebook.csv";

    public static IReadOnlyList<string> LongColumns { get; } =
        ["theme_key", "question_key", "type", "variable", "option", "grid_row", "grid_column", "value", "value_label", "missing"];

    public static IReadOnlyList<string> CodebookColumns { get; } =
    [
        "variable", "question_key", "theme_key", "type", "measure", "option", "grid_row", "grid_column", "label_nl", "label_en",
        "values_nl", "values_en", "missing_codes", "reference",
    ];

    public static string Wide(AnalysisExport export, IReadOnlyList<AnalysisVariable> variables)
    {
        var text = new System.Text.StringBuilder();
        text.Append(AnalysisCsv.Line(export.FixedColumns.Concat(variables.Select(v => v.Name))));
        foreach (var record in export.Records)
        {
            text.Append(AnalysisCsv.Line(export.FixedValues(record)
                .Concat(variables.Select(v => AnswerCoding.Encode(record.Questionnaire, v, record.Answers).Text))));
        }
        return text.ToString();
    }

    public static string Long(AnalysisExport export, IReadOnlyList<AnalysisVariable> variables)
    {
        var fixedColumns = export.FixedColumns.Where(c => c != "institution_name").ToList();
        var text = new System.Text.StringBuilder();
        text.Append(AnalysisCsv.Line(fixedColumns.Concat(LongColumns)));
        foreach (var record in export.Records)
        {
            var fixedValues = export.FixedValues(record).Where((_, i) => export.FixedColumns[i] != "institution_name").ToList();
            foreach (var variable in variables)
            {
                var coded = AnswerCoding.Encode(record.Questionnaire, variable, record.Answers);
                text.Append(AnalysisCsv.Line(fixedValues.Concat(
                [
                    variable.Theme.Key, variable.Question.Key, variable.Question.Type.ToWireName(), variable.Name,
                    variable.Option, variable.Row, variable.Column, coded.Text, ValueLabelOf(variable, coded), coded.Missing,
                ])));
            }
        }
        return text.ToString();
    }

    public static string Codebook(IReadOnlyList<AnalysisVariable> variables)
    {
        var text = new System.Text.StringBuilder();
        text.Append(AnalysisCsv.Line(CodebookColumns));
        var missing = string.Join(" | ", MissingCodes.All.Select(m => $"{m.Code}={m.En}"));
        foreach (var v in variables)
        {
            text.Append(AnalysisCsv.Line(
            [
                v.Name, v.Question.Key, v.Theme.Key, v.Question.Type.ToWireName(), v.Measure.ToString().ToLowerInvariant(), v.Option, v.Row, v.Column,
                v.Label("nl"), v.Label("en"),
                string.Join(" | ", v.Values.Select(l => $"{l.Code}={l.Nl}")), string.Join(" | ", v.Values.Select(l => $"{l.Code}={l.En}")),
                missing, v.Question.Reference,
            ]));
        }
        return text.ToString();
    }

    /// <summary>The Dutch label of a coded value (the questionnaire's language); the missing reason for a missing code.</summary>
    private static string? ValueLabelOf(AnalysisVariable variable, CodedValue coded)
    {
        if (coded.Missing is not null)
        {
            return MissingCodes.All.FirstOrDefault(m => MissingCodes.Text(m.Code) == coded.Text)?.Nl;
        }
        return variable.Values.FirstOrDefault(l => l.Code.ToString(CultureInfo.InvariantCulture) == coded.Text)?.Nl;
    }
}
