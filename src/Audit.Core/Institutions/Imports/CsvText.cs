using System.Text;

namespace Audit.Core.Institutions.Imports;

/// <summary>One data line of an uploaded CSV file: its 1-based line number, its values, or why it could not be read.</summary>
public sealed record CsvLine(int Line, IReadOnlyList<string> Values, string? Error);

/// <summary>The header's column names (lower-case, trimmed) and the data lines, or why the file as a whole is unusable.</summary>
public sealed record CsvFile(IReadOnlyList<string> Columns, IReadOnlyList<CsvLine> Lines, string? HeaderError);

/// <summary>
/// Reads the CSV files the bureau uploads: UTF-8 (a BOM is allowed), separated by ';' or ',' (whichever the header
/// uses; spreadsheet programs in Dutch settings write ';'), with optional double quotes around a value ("" for a quote
/// inside). A value may not span lines. Bytes are decoded line by line, strictly: a line that is not valid UTF-8
/// (a file saved as Windows-1252, say) gets its own error instead of silently turning into replacement characters.
/// </summary>
public static class CsvText
{
    public const int MaxLines = 5000;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static CsvFile Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        var raw = new List<(int Line, string? Text)>();
        var number = 0;
        while (true)
        {
            number++;
            var end = bytes.IndexOf((byte)'\n');
            var lineBytes = end < 0 ? bytes : bytes[..end];
            if (lineBytes.EndsWith((ReadOnlySpan<byte>)[(byte)'\r']))
            {
                lineBytes = lineBytes[..^1];
            }
            raw.Add((number, TryDecode(lineBytes)));
            if (end < 0)
            {
                break;
            }
            bytes = bytes[(end + 1)..];
        }

        var header = raw[0].Text;
        if (header is null)
        {
            return new CsvFile([], [], "the header is not valid UTF-8 text; save the file as CSV UTF-8");
        }
        if (header.Trim().Length == 0)
        {
            return new CsvFile([], [], "the file is empty; the first line must name the columns");
        }
        if (raw.Count > MaxLines + 1)
        {
            return new CsvFile([], [], $"the file has more than {MaxLines} lines; split it");
        }
        // The header decides the separator: a name holds no ';' or ',' of its own.
        var separator = header.Count(c => c == ';') >= header.Count(c => c == ',') ? ';' : ',';
        var columns = Split(header, separator, out _).Select(c => c.Trim().ToLowerInvariant()).ToList();
        var lines = new List<CsvLine>();
        foreach (var (line, text) in raw.Skip(1))
        {
            if (text is null)
            {
                lines.Add(new CsvLine(line, [], "this line is not valid UTF-8 text; save the file as CSV UTF-8"));
                continue;
            }
            if (text.Trim().Length == 0)
            {
                continue; // blank lines, including the usual trailing newline, carry no data
            }
            var values = Split(text, separator, out var error);
            if (error is null && values.Count != columns.Count)
            {
                error = $"expected {columns.Count} values separated by '{separator}' but found {values.Count}";
            }
            lines.Add(new CsvLine(line, values.Select(v => v.Trim()).ToList(), error));
        }
        return new CsvFile(columns, lines, null);
    }

    private static string? TryDecode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = Strict.GetString(bytes);
            // Control characters other than tab have no place in a name or an address; NUL would also upset PostgreSQL.
            return text.Any(c => char.IsControl(c) && c != '\t') ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Splits one line on <paramref name="separator"/>, honouring double quotes.</summary>
    private static List<string> Split(string line, char separator, out string? error)
    {
        error = null;
        var values = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    current.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && current.ToString().Trim().Length == 0 && !wasQuoted)
            {
                current.Clear();
                quoted = wasQuoted = true;
            }
            else if (c == separator)
            {
                values.Add(current.ToString());
                current.Clear();
                wasQuoted = false;
            }
            else if (c == '"' || (wasQuoted && !char.IsWhiteSpace(c)))
            {
                error ??= "a double quote may only enclose a whole value";
                current.Append(c);
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
        {
            error ??= "a quoted value is not closed on this line";
        }
        values.Add(current.ToString());
        return values;
    }
}
