using System.Text;

namespace Audit.Reports.Exports.Analysis;

/// <summary>
/// <c>load.sps</c>: GET DATA for the wide file, then VARIABLE LABELS, VALUE LABELS (with the missing codes labelled)
/// and MISSING VALUES. Labels are clipped to SPSS's limits (variable labels 255 bytes, value labels 120); texts are in
/// Dutch, the questionnaire's language (the codebook has the English).
/// </summary>
public static class SpssSyntax
{
    public const string FileName = "load.sps";
    private const int VariableLabelMax = 250;
    private const int ValueLabelMax = 120;

    /// <param name="widths">The width of each string column (fixed columns and text variables), at least 8.</param>
    public static string Build(AnalysisExport export, IReadOnlyList<AnalysisVariable> variables, IReadOnlyDictionary<string, int> widths)
    {
        var s = new StringBuilder();
        s.Append("* Encoding: UTF-8.\n");
        s.Append("* load.sps: reads answers-wide.csv with labels and missing values. Open it in this folder (or CD to it) and run all.\n");
        s.Append("* Missing codes: -8 = not applicable, -9 = not shown (hidden by an earlier answer); an empty cell is unanswered.\n");
        s.Append("SET UNICODE=ON.\n");
        s.Append("GET DATA\n  /TYPE=TXT\n  /FILE='answers-wide.csv'\n  /ENCODING='UTF8'\n  /DELCASE=LINE\n  /DELIMITERS=\",\"\n")
            .Append("  /QUALIFIER='\"'\n  /ARRANGEMENT=DELIMITED\n  /FIRSTCASE=2\n  /VARIABLES=\n");
        foreach (var column in export.FixedColumns)
        {
            s.Append("    ").Append(column).Append(" A").Append(widths[column].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        foreach (var v in variables)
        {
            s.Append("    ").Append(v.Name).Append(' ').Append(Format(v, widths)).Append('\n');
        }
        s.Length--;
        s.Append(".\n");
        if (variables.Count > 0)
        {
            s.Append("VARIABLE LABELS\n");
            s.Append(string.Join("\n", variables.Select((v, i) => $"  {(i == 0 ? "" : "/")}{v.Name} {Quote(Clip(v.Label("nl"), VariableLabelMax))}")));
            s.Append(".\n");
            s.Append("VALUE LABELS\n");
            s.Append(string.Join("\n", variables.Select((v, i) => $"  {(i == 0 ? "" : "/")}{v.Name}{Labels(v)}")));
            s.Append(".\n");
            var numeric = variables.Where(v => v.IsNumeric).Select(v => v.Name).ToList();
            var text = variables.Where(v => !v.IsNumeric).Select(v => v.Name).ToList();
            var groups = new List<string>();
            if (numeric.Count > 0)
            {
                groups.Add($"{Wrap(numeric)} (-8, -9)");
            }
            if (text.Count > 0)
            {
                groups.Add($"{Wrap(text)} ('-8', '-9')");
            }
            s.Append("MISSING VALUES\n  ").Append(string.Join("\n  /", groups)).Append(".\n");
        }
        s.Append("EXECUTE.\n");
        return s.ToString();
    }

    private static string Format(AnalysisVariable v, IReadOnlyDictionary<string, int> widths) => v.Measure switch
    {
        VariableMeasure.Text => "A" + widths[v.Name].ToString(CultureInfo.InvariantCulture),
        VariableMeasure.Number => "F20.4",
        VariableMeasure.Count => "F12.0",
        _ => "F3.0",
    };

    private static string Labels(AnalysisVariable v)
    {
        var quote = v.IsNumeric ? (Func<int, string>)(c => c.ToString(CultureInfo.InvariantCulture)) : c => Quote(c.ToString(CultureInfo.InvariantCulture));
        return string.Concat(v.Values.Concat(MissingCodes.All).Select(l => $"\n    {quote(l.Code)} {Quote(Clip(l.Nl, ValueLabelMax))}"));
    }

    /// <summary>Eight names to a line keeps every line short whatever the questionnaire.</summary>
    private static string Wrap(IReadOnlyList<string> names) =>
        string.Join("\n   ", names.Chunk(8).Select(chunk => string.Join(' ', chunk)));

    /// <summary>An SPSS string in single quotes; a quote inside is doubled.</summary>
    public static string Quote(string text) => "'" + text.Replace('\n', ' ').Replace('\r', ' ').Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
