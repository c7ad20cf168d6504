using System.Text;

namespace Audit.Reports.Exports.Analysis;

/// <summary>
/// <c>load.do</c>: <c>import delimited</c> with every column's type fixed, the missing codes turned into Stata's
/// extended missing values (-8 → .a not applicable, -9 → .b not shown) by <c>mvdecode</c>, then <c>label define</c>
/// (named after the variable, with .a and .b labelled), <c>label values</c> and <c>label variable</c>. Variable labels
/// are clipped to Stata's 80 characters; texts are in Dutch (the codebook has the English).
/// </summary>
public static class StataSyntax
{
    public const string FileName = "load.do";
    private const int VariableLabelMax = 80;

    public static string Build(AnalysisExport export, IReadOnlyList<AnalysisVariable> variables)
    {
        var s = new StringBuilder();
        s.Append("* load.do: reads answers-wide.csv with labels and missing values. cd to this folder, then: do load.do\n");
        s.Append("* Missing codes: -8 = not applicable (.a), -9 = not shown, hidden by an earlier answer (.b); an empty cell is unanswered (.).\n");
        s.Append("* Text variables keep \"-8\" and \"-9\" as text; see the notes on each.\n");
        s.Append("version 14\n");
        var columns = export.FixedColumns.Select(c => (Name: c, Numeric: false)).Concat(variables.Select(v => (v.Name, Numeric: v.IsNumeric))).ToList();
        var strings = columns.Select((c, i) => (c, i)).Where(x => !x.c.Numeric).Select(x => (x.i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        var numbers = columns.Select((c, i) => (c, i)).Where(x => x.c.Numeric).Select(x => (x.i + 1).ToString(CultureInfo.InvariantCulture)).ToList();
        s.Append("import delimited using \"answers-wide.csv\", varnames(1) case(preserve) encoding(\"utf-8\") delimiters(\",\") ///\n");
        s.Append("    bindquotes(strict) asdouble clear ///\n");
        s.Append("    stringcols(").Append(Wrap(strings)).Append(")");
        if (numbers.Count > 0)
        {
            s.Append(" ///\n    numericcols(").Append(Wrap(numbers)).Append(')');
        }
        s.Append('\n');
        var numeric = variables.Where(v => v.IsNumeric).ToList();
        if (numeric.Count > 0)
        {
            s.Append("mvdecode ").Append(Wrap(numeric.Select(v => v.Name).ToList())).Append(", mv(-8 = .a \\ -9 = .b)\n");
        }
        foreach (var v in variables)
        {
            s.Append("label variable ").Append(v.Name).Append(' ').Append(Quote(SpssSyntax.Clip(v.Label("nl"), VariableLabelMax))).Append('\n');
            if (v.IsNumeric)
            {
                s.Append("label define ").Append(v.Name);
                foreach (var label in v.Values)
                {
                    s.Append(" ///\n    ").Append(label.Code.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Quote(label.Nl));
                }
                s.Append(" ///\n    .a ").Append(Quote(MissingCodes.All[0].Nl)).Append(" ///\n    .b ").Append(Quote(MissingCodes.All[1].Nl)).Append(", replace\n");
                s.Append("label values ").Append(v.Name).Append(' ').Append(v.Name).Append('\n');
            }
            else
            {
                s.Append("notes ").Append(v.Name).Append(": \"-8\" = ").Append(MissingCodes.All[0].En).Append(", \"-9\" = ").Append(MissingCodes.All[1].En).Append('\n');
            }
        }
        s.Append("compress\n");
        return s.ToString();
    }

    /// <summary>Twelve items to a line, continued with <c>///</c>.</summary>
    private static string Wrap(IReadOnlyList<string> items) =>
        string.Join(" ///\n    ", items.Chunk(12).Select(chunk => string.Join(' ', chunk)));

    /// <summary>A Stata compound-quoted string, which may hold plain double quotes; a line break becomes a space, and
    /// a backslash before <c>$</c> and the backtick stops Stata from expanding a macro inside a label.</summary>
    public static string Quote(string text) => "`\"" + text.Replace('\n', ' ').Replace('\r', ' ').Replace("\"'", "\" '", StringComparison.Ordinal)
        .Replace("$", "\\$", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "\"'";
}
