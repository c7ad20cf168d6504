using System.Text;

namespace Audit.Reports.Exports.Analysis;

/// <summary>
/// <c>load.R</c>: reads the wide file with base R alone (no packages), turns the missing codes into <c>NA</c> while
/// keeping their reason in <c>missing_reasons</c>, makes yes/no and single choice factors with their labels, and puts
/// each question's text in the <c>label</c> attribute (what RStudio and the labelled/haven packages show).
/// </summary>
public static class RSyntax
{
    public const string FileName = "load.R";

    public static string Build(AnalysisExport export, IReadOnlyList<AnalysisVariable> variables)
    {
        var r = new StringBuilder();
        r.Append("# load.R: reads answers-wide.csv into the data frame `answers`, with factor labels and missing values.\n");
        r.Append("# Use: setwd() to this folder, then source(\"load.R\", encoding = \"UTF-8\"). Set analysis_language <- \"en\" first for English labels.\n");
        r.Append("# Missing codes: -8 = not applicable, -9 = not shown (hidden by an earlier answer). Both become NA;\n");
        r.Append("# `missing_reasons` (same columns) says which. An empty cell is a question left unanswered.\n");
        r.Append("analysis_language <- if (exists(\"analysis_language\")) analysis_language else \"nl\"\n");
        r.Append("analysis_labels <- function(nl, en) if (identical(analysis_language, \"en\")) en else nl\n");
        r.Append("answers <- utils::read.csv(\"answers-wide.csv\", fileEncoding = \"UTF-8\", na.strings = \"\", check.names = FALSE,\n");
        r.Append("  stringsAsFactors = FALSE, colClasses = c(\n");
        var classes = export.FixedColumns.Select(c => (c, "character"))
            .Concat(variables.Select(v => (v.Name, v.IsNumeric ? "numeric" : "character"))).ToList();
        for (var i = 0; i < classes.Count; i++)
        {
            r.Append("    ").Append(classes[i].Item1).Append(" = \"").Append(classes[i].Item2).Append('"').Append(i < classes.Count - 1 ? ",\n" : "))\n");
        }
        r.Append("missing_codes <- c(not_applicable = -8, not_shown = -9)\n");
        r.Append("analysis_variables <- c(").Append(string.Join(", ", variables.Select(v => Quote(v.Name)))).Append(")\n");
        r.Append("missing_reasons <- answers[analysis_variables]\n");
        r.Append("for (name in analysis_variables) {\n");
        r.Append("  x <- answers[[name]]\n");
        r.Append("  reason <- rep(NA_character_, length(x))\n");
        r.Append("  reason[!is.na(x) & as.character(x) == \"-8\"] <- \"not_applicable\"\n");
        r.Append("  reason[!is.na(x) & as.character(x) == \"-9\"] <- \"not_shown\"\n");
        r.Append("  missing_reasons[[name]] <- reason\n");
        r.Append("  x[!is.na(reason)] <- NA\n");
        r.Append("  answers[[name]] <- x\n");
        r.Append("}\n");
        foreach (var v in variables)
        {
            if (v.Measure == VariableMeasure.Category)
            {
                r.Append("answers$").Append(v.Name).Append(" <- factor(answers$").Append(v.Name).Append(", levels = c(")
                    .Append(string.Join(", ", v.Values.Select(l => l.Code.ToString(CultureInfo.InvariantCulture)))).Append("),\n  labels = analysis_labels(c(")
                    .Append(string.Join(", ", v.Values.Select(l => Quote(l.Nl)))).Append("), c(")
                    .Append(string.Join(", ", v.Values.Select(l => Quote(l.En)))).Append(")))\n");
            }
            else if (v.Values.Count > 0)
            {
                // Levels and flags stay numeric (a mean means something); their labels travel as an attribute.
                r.Append("attr(answers$").Append(v.Name).Append(", \"labels\") <- stats::setNames(c(")
                    .Append(string.Join(", ", v.Values.Select(l => l.Code.ToString(CultureInfo.InvariantCulture)))).Append("), analysis_labels(c(")
                    .Append(string.Join(", ", v.Values.Select(l => Quote(l.Nl)))).Append("), c(")
                    .Append(string.Join(", ", v.Values.Select(l => Quote(l.En)))).Append(")))\n");
            }
            r.Append("attr(answers$").Append(v.Name).Append(", \"label\") <- analysis_labels(").Append(Quote(v.Label("nl"))).Append(", ")
                .Append(Quote(v.Label("en"))).Append(")\n");
        }
        r.Append("attr(answers, \"missing_codes\") <- missing_codes\n");
        r.Append("rm(list = intersect(c(\"name\", \"x\", \"reason\"), ls()))\n");
        return r.ToString();
    }

    /// <summary>An R string literal; the file is UTF-8, so only the backslash, the quote and control characters are escaped.</summary>
    public static string Quote(string text)
    {
        var s = new StringBuilder("\"");
        foreach (var c in text)
        {
            s.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' or '\r' or '\t' => " ",
                _ => c.ToString(),
            });
        }
        return s.Append('"').ToString();
    }
}
