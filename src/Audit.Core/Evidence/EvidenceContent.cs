using System.IO.Compression;

namespace Audit.Core.Evidence;

/// <summary>
/// Decides what an upload really is from its bytes, never from its name or the client's claimed
/// type: a renamed executable stays refused. Office formats are ZIP containers, so those are told
/// apart by the parts inside.
/// </summary>
public static class EvidenceContent
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Odt = "application/vnd.oasis.opendocument.text";

    public static IReadOnlyList<string> Accepted { get; } = [Pdf, Docx, Xlsx, Odt, Png, Jpeg];

    /// <summary>Default maximum upload size: 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>The detected content type, or null when the content is none of the accepted kinds.</summary>
    /// <param name="content">A seekable stream; its position is restored.</param>
    public static string? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.Position;
        try
        {
            Span<byte> head = stackalloc byte[8];
            var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..read];
            if (head.StartsWith("%PDF-"u8)) return Pdf;
            if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
            if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
            if (head.StartsWith("PK\u0003\u0004"u8))
            {
                content.Position = start;
                return DetectZipDocument(content);
            }
            return null;
        }
        finally
        {
            content.Position = start;
        }
    }

    private static string? DetectZipDocument(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open());
                return reader.ReadToEnd().Trim() == Odt ? Odt : null;
            }
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.GetEntry("word/document.xml") is not null) return Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null; // a truncated or forged ZIP
        }
    }

    /// <summary>A file name safe to echo in Content-Disposition: no paths, no control characters, bounded length.</summary>
    public static string SafeFileName(string? name)
    {
        var leaf = Path.GetFileName((name ?? "").Replace('\\', '/').Split('/').Last());
        var cleaned = new string(leaf.Where(c => !char.IsControl(c) && c is not '"' and not '<' and not '>').ToArray()).Trim();
        if (cleaned.Length == 0) cleaned = "bijlage";
        return cleaned.Length <= 200 ? cleaned : cleaned[..200];
    }
}
