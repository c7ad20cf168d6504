using System.Text;

namespace Audit.Reports.Exports.Analysis;

/// <summary>README.txt: what each file is, which round(s) and questionnaire version(s), the fingerprint, and the naming rule.</summary>
public static class AnalysisReadme
{
    public static string Build(AnalysisExport export, IReadOnlyList<AnalysisVariable> variables, string fingerprint)
    {
        var s = new StringBuilder();
        s.Append(export.IsTrend ? "Trend export for analysis (R, SPSS, Stata)\n" : "Analysis export (R, SPSS, Stata)\n");
        s.Append("==========================================\n\n");
        foreach (var round in export.Rounds)
        {
            s.Append("Round: ").Append(round.Id).Append(" (").Append(round.Title).Append("), questionnaire ")
                .Append(round.QuestionnaireKey).Append(" version ").Append(round.QuestionnaireVersion).Append('\n');
        }
        s.Append("Participations: ").Append(export.Records.Count.ToString(CultureInfo.InvariantCulture))
            .Append(export.IncludesSubmitted ? " (accepted and submitted; submitted ones are not reviewed yet)\n" : " (accepted only)\n");
        s.Append("Variables: ").Append(variables.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        s.Append("Generated: ").Append(export.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Append(" by ").Append(export.GeneratedBy).Append('\n');
        s.Append("Data fingerprint: ").Append(fingerprint).Append(" (SHA-256 of answers-wide.csv)\n\n");
        if (export.IsTrend)
        {
            s.Append("The rows of all rounds are stacked; the column `round` says which round a row is from, and institution_id\n")
                .Append("matches an institution across rounds. Only the questions every round asks with the same key and type are in it;\n")
                .Append("choice codes and grid cells follow the newest round, with options only older rounds had added after them.\n");
            s.Append("Left out (not shared): ").Append(export.LeftOut.Count == 0 ? "none" : string.Join(", ", export.LeftOut)).Append("\n\n");
        }
        s.Append("""
            Files
            -----
            answers-wide.csv  One row per participation, one column per variable. UTF-8 without BOM, comma separated,
                              decimal point. Line breaks inside text answers are written as a space.
            answers-long.csv  The tidy form: one row per participation x variable (question, option or grid cell), with the
                              value, its label and why it is missing (not_applicable, not_shown, unanswered).
            codebook.csv      Per variable: question key, theme, type, labels (nl, en), value codes and labels, missing
                              codes, and the Leidraad reference where the questionnaire gives one.
            load.R            R (base R only): source("load.R", encoding = "UTF-8") gives the data frame `answers`.
            load.sps          SPSS syntax: GET DATA, VARIABLE LABELS, VALUE LABELS, MISSING VALUES.
            load.do           Stata: import delimited, mvdecode, label define / label values / label variable.

            Codes
            -----
            yes_no: yes = 1, no = 0. single_choice: the options coded 1..n in the order the questionnaire defines them.
            maturity: the level 0..5. number: the number. multi_choice: one 0/1 column per option (1 = chosen).
            grid: one column per cell (a count; an empty cell in a saved grid counts 0). text: the text.
            Missing: -8 = not applicable (the respondent said so), -9 = not shown (hidden by an earlier answer).
            An empty cell means the question was not answered (or that version did not ask that option or cell).

            Variable names
            --------------
            Valid in R, SPSS and Stata: at most 32 characters, a letter first, only a-z, 0-9 and _. The name is made from
            the keys only, so the same question key gives the same name in every questionnaire version:
            1. lower case; every character other than a-z and 0-9 becomes _, runs of _ become one, none at either end;
            2. a multi_choice option appends _<option key>, a grid cell _<row key>_<column key>;
            3. a name that would start with a digit, is a reserved word in R, SPSS or Stata, or equals a fixed column
               (round, participation_id, institution_id, institution_name, institution_type, status) gets q_ in front;
            4. a name longer than 32 characters keeps its first 25 characters and gets _ and the first 6 hex digits of
               the SHA-256 of the keys joined by '/';
            5. should two variables still share a name (keys a.b and a_b), the later one gets its first 25 characters,
               _ and 6 hex digits of the SHA-256 of its keys joined by '/' followed by #n.
            Example: governance.bestuurder -> governance_bestuurder.
            codebook.csv maps each name back to its question key, option, row and column.

            """);
        return s.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
