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

    /// <summary>How much of a ZIP entry is ever read: enough for an ODF <c>mimetype</c>, never a whole entry.</summary>
    private const int ProbeBytes = 256;

    /// <summary>
    /// Office documents compress their XML perhaps 5 to 20 times. Declared sizes far beyond that (a zip bomb) are
    /// refused before anything is inflated; small files may compress well without being suspect.
    /// </summary>
    private const long MaxCompressionRatio = 100;
    private const long RatioCheckFromBytes = 16L * 1024 * 1024;
    private const long MaxDeclaredBytes = 2L * 1024 * 1024 * 1024;
    private const int MaxEntries = 10_000;

    private static string? DetectZipDocument(Stream content)
    {
        var compressedBytes = content.Length - content.Position;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (!HasPlausibleSizes(zip, compressedBytes)) return null;
            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                return ReadShortEntry(mimetype) == Odt ? Odt : null;
            }
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.GetEntry("word/document.xml") is not null) return Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return Xlsx;
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            return null; // a truncated, forged or exotic ZIP
        }
    }

    /// <summary>The sizes the central directory declares, checked without inflating anything.</summary>
    private static bool HasPlausibleSizes(ZipArchive zip, long compressedBytes)
    {
        if (zip.Entries.Count > MaxEntries) return false;
        var declared = 0L;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (declared > MaxDeclaredBytes) return false;
        }
        return declared <= RatioCheckFromBytes || declared <= MaxCompressionRatio * Math.Max(compressedBytes, 1);
    }

    /// <summary>
    /// A short entry (at most <see cref="ProbeBytes"/>) as trimmed ASCII; a longer one is "" after reading one byte more
    /// than the limit, so whatever follows is never inflated.
    /// </summary>
    private static string ReadShortEntry(ZipArchiveEntry entry)
    {
        if (entry.Length > ProbeBytes) return "";
        Span<byte> buffer = stackalloc byte[ProbeBytes + 1];
        using var stream = entry.Open();
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read > ProbeBytes ? "" : System.Text.Encoding.ASCII.GetString(buffer[..read]).Trim();
    }

    /// <summary>
    /// A file name safe to echo in Content-Disposition and on a page: no paths, no control or format characters
    /// (a right-to-left override would make <c>invoice\u202Efdp.exe</c> read as "invoiceexe.pdf"), bounded length.
    /// </summary>
    public static string SafeFileName(string? name)
    {
        var leaf = Path.GetFileName((name ?? "").Replace('\\', '/').Split('/').Last());
        var kept = new System.Text.StringBuilder(leaf.Length);
        foreach (var rune in leaf.EnumerateRunes())
        {
            if (IsKept(rune)) kept.Append(rune.ToString());
        }
        var cleaned = kept.ToString().Trim();
        if (cleaned.Length == 0) cleaned = "bijlage";
        return cleaned.Length <= 200 ? cleaned : cleaned[..200];
    }

    /// <summary>
    /// <see cref="SafeFileName"/> with the extension of the detected type: a PDF named <c>x.html</c> is stored and
    /// served as <c>x.html.pdf</c>, so no browser or mail client treats it by its claimed name.
    /// </summary>
    public static string SafeFileName(string? name, string contentType)
    {
        var safe = SafeFileName(name);
        var extension = ExtensionOf(contentType);
        if (safe.EndsWith(extension, StringComparison.OrdinalIgnoreCase)
            || (contentType == Jpeg && safe.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)))
        {
            return safe;
        }
        var stem = safe.Length + extension.Length <= 200 ? safe : safe[..(200 - extension.Length)];
        return stem + extension;
    }

    public static string ExtensionOf(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Png => ".png",
        Jpeg => ".jpg",
        Docx => ".docx",
        Xlsx => ".xlsx",
        Odt => ".odt",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not an accepted evidence type."),
    };

    /// <summary>A lone surrogate arrives as the replacement character and is dropped with it.</summary>
    private static bool IsKept(System.Text.Rune rune) =>
        rune != System.Text.Rune.ReplacementChar && rune.Value is not ('"' or '<' or '>')
        && System.Text.Rune.GetUnicodeCategory(rune) is not (System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format);
}
