using System.Text;

namespace Audit.Reports.Exports.Analysis;

/// <summary>
/// The CSV dialect every loader reads: UTF-8 without a byte order mark (Stata and SPSS would read it into the first
/// name), a comma between fields, a decimal point, LF line ends, fields quoted only when they hold a comma, a quote
/// or a leading/trailing space. Line breaks inside a text answer become a space: SPSS's GET DATA reads one line per case.
/// </summary>
public static class AnalysisCsv
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\n";

    public static string Field(string? value)
    {
        var text = (value ?? "").Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
        var quote = text.Contains(',') || text.Contains('"') || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '));
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
