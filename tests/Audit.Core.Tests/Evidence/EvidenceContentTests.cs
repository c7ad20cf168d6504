using System.IO.Compression;
using System.Text;
using Audit.Core.Evidence;

namespace Audit.Core.Tests.Evidence;

[TestClass]
public sealed class EvidenceContentTests
{
    private static MemoryStream Bytes(params byte[] bytes) => new(bytes);

    private static MemoryStream Zip(params (string Name, string Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        stream.Position = 0;
        return stream;
    }

    public static IEnumerable<object?[]> Samples =>
    [
        ["pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n...")), EvidenceContent.Pdf],
        ["png", Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0), EvidenceContent.Png],
        ["jpeg", Bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10), EvidenceContent.Jpeg],
        ["docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")), EvidenceContent.Docx],
        ["xlsx", Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")), EvidenceContent.Xlsx],
        ["odt", Zip(("mimetype", EvidenceContent.Odt), ("content.xml", "<office/>")), EvidenceContent.Odt],
        ["ods is not accepted", Zip(("mimetype", "application/vnd.oasis.opendocument.spreadsheet")), null],
        ["plain zip", Zip(("readme.txt", "hi")), null],
        ["windows executable", Bytes(0x4D, 0x5A, 0x90, 0x00), null],
        ["html", new MemoryStream(Encoding.UTF8.GetBytes("<html><script>alert(1)</script>")), null],
        ["truncated zip", Bytes(0x50, 0x4B, 0x03, 0x04, 1, 2, 3), null],
        ["empty", Bytes(), null],
    ];

    [TestMethod]
    [DynamicData(nameof(Samples))]
    public void Content_type_comes_from_the_bytes(string name, MemoryStream content, string? expected)
    {
        content.Position = 0;
        Assert.AreEqual(expected, EvidenceContent.Detect(content), name);
        Assert.AreEqual(0, content.Position, "the stream is rewound for storing");
    }

    [TestMethod]
    [DataRow("../../etc/passwd", "passwd")]
    [DataRow("C:\\Users\\x\\beleid.pdf", "beleid.pdf")]
    [DataRow("rapport \"final\".pdf", "rapport final.pdf")]
    [DataRow("", "bijlage")]
    [DataRow(null, "bijlage")]
    public void File_names_are_reduced_to_a_safe_leaf(string? name, string expected) =>
        Assert.AreEqual(expected, EvidenceContent.SafeFileName(name));

    [TestMethod]
    [DataRow("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [DataRow("beleid\u200B.pdf", "beleid.pdf")]
    [DataRow("lone\ud800.pdf", "lone.pdf")]
    [DataRow("📄 beleid.pdf", "📄 beleid.pdf")]
    public void File_names_lose_format_characters_and_lone_surrogates(string name, string expected) =>
        Assert.AreEqual(expected, EvidenceContent.SafeFileName(name));

    [TestMethod]
    [DataRow("x.html", EvidenceContent.Pdf, "x.html.pdf")]
    [DataRow("beleid.PDF", EvidenceContent.Pdf, "beleid.PDF")]
    [DataRow("foto.jpeg", EvidenceContent.Jpeg, "foto.jpeg")]
    [DataRow("notulen", EvidenceContent.Docx, "notulen.docx")]
    [DataRow("", EvidenceContent.Png, "bijlage.png")]
    public void The_extension_follows_the_detected_type(string name, string contentType, string expected) =>
        Assert.AreEqual(expected, EvidenceContent.SafeFileName(name, contentType));

    /// <summary>A ZIP whose one entry inflates to <paramref name="bytes"/> zeros: a few hundred kilobytes on the wire.</summary>
    private static MemoryStream Bomb(string entryName, long bytes, params (string Name, string Content)[] others)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in others)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
            using var entry = zip.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var written = 0L; written < bytes; written += zeros.Length)
            {
                entry.Write(zeros, 0, (int)Math.Min(zeros.Length, bytes - written));
            }
        }
        stream.Position = 0;
        return stream;
    }

    [TestMethod]
    public void A_mimetype_entry_that_inflates_to_200_MB_is_refused_without_being_read()
    {
        using var bomb = Bomb("mimetype", 200L * 1024 * 1024);
        Assert.IsLessThan(1024L * 1024, bomb.Length, "the bomb is small on the wire");
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.IsNull(EvidenceContent.Detect(bomb));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.IsLessThan(4L * 1024 * 1024, allocated, "detection must not inflate the entry");
    }

    [TestMethod]
    public void An_office_document_declaring_implausible_sizes_is_refused()
    {
        using var bomb = Bomb("word/document.xml", 300L * 1024 * 1024, ("[Content_Types].xml", "<Types/>"));
        Assert.IsNull(EvidenceContent.Detect(bomb));
    }

    [TestMethod]
    public void An_odt_whose_mimetype_is_followed_by_padding_is_not_an_odt()
    {
        using var padded = Zip(("mimetype", EvidenceContent.Odt + new string(' ', 300) + "x"));
        Assert.IsNull(EvidenceContent.Detect(padded));
    }
}
