using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Audit.Reports.Exports.Analysis;

/// <summary>
/// The analysis zip: the wide and long data, the codebook, a loader for R, SPSS and Stata, and README.txt with the
/// round(s), the questionnaire version(s) and the data fingerprint (SHA-256 of answers-wide.csv). Pure: the same input
/// gives the same bytes (entries are stamped with the export time, not the clock).
/// </summary>
public static class AnalysisZip
{
    public const string ContentType = "application/zip";
    public const string ReadmeFile = "README.txt";

    /// <summary>The files in the zip, in order.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        ReadmeFile, AnalysisFiles.WideFile, AnalysisFiles.LongFile, AnalysisFiles.CodebookFile, RSyntax.FileName, SpssSyntax.FileName, StataSyntax.FileName,
    ];

    /// <summary>The zip's files as texts, by name (what the zip holds; tests read them directly).</summary>
    public static IReadOnlyDictionary<string, string> Texts(AnalysisExport export)
    {
        var variables = AnalysisVariables.Of(export.Questionnaire);
        var wide = AnalysisFiles.Wide(export, variables);
        var fingerprint = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(AnalysisCsv.Utf8.GetBytes(wide)));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReadmeFile] = AnalysisReadme.Build(export, variables, fingerprint),
            [AnalysisFiles.WideFile] = wide,
            [AnalysisFiles.LongFile] = AnalysisFiles.Long(export, variables),
            [AnalysisFiles.CodebookFile] = AnalysisFiles.Codebook(variables),
            [RSyntax.FileName] = RSyntax.Build(export, variables),
            [SpssSyntax.FileName] = SpssSyntax.Build(export, variables, Widths(export, variables)),
            [StataSyntax.FileName] = StataSyntax.Build(export, variables),
        };
    }

    /// <summary>The data fingerprint README.txt states, for the audit trail.</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, string> texts) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(AnalysisCsv.Utf8.GetBytes(texts[AnalysisFiles.WideFile])));

    public static byte[] ToBytes(AnalysisExport export) => ToBytes(Texts(export), export.GeneratedAt);

    public static byte[] ToBytes(IReadOnlyDictionary<string, string> texts, DateTimeOffset stamp)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in Files)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                // Zip times have no zone and start in 1980; the export time in UTC says when it was made.
                entry.LastWriteTime = stamp.UtcDateTime.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : new DateTimeOffset(stamp.UtcDateTime);
                using var stream = entry.Open();
                var bytes = AnalysisCsv.Utf8.GetBytes(texts[name]);
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>SPSS string widths in bytes: the longest value, at least 8 (so the missing codes fit), at most 32767.</summary>
    private static Dictionary<string, int> Widths(AnalysisExport export, IReadOnlyList<AnalysisVariable> variables)
    {
        var widths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in export.FixedColumns)
        {
            widths[column] = 8;
        }
        foreach (var v in variables.Where(v => !v.IsNumeric))
        {
            widths[v.Name] = 8;
        }
        foreach (var record in export.Records)
        {
            var fixedValues = export.FixedValues(record);
            for (var i = 0; i < fixedValues.Count; i++)
            {
                widths[export.FixedColumns[i]] = Math.Max(widths[export.FixedColumns[i]], Encoding.UTF8.GetByteCount(fixedValues[i] ?? ""));
            }
            foreach (var v in variables.Where(v => !v.IsNumeric))
            {
                widths[v.Name] = Math.Max(widths[v.Name], Encoding.UTF8.GetByteCount(AnswerCoding.Encode(record.Questionnaire, v, record.Answers).Text));
            }
        }
        return widths.ToDictionary(w => w.Key, w => Math.Min(w.Value, 32767), StringComparer.Ordinal);
    }
}
