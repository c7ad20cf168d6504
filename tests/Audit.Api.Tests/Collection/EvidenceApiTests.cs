using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Collection;

[TestClass]
public sealed class EvidenceApiTests
{
    private const string QuestionKey = "governance.bestuurder";

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName) =>
        new() { { new ByteArrayContent(bytes), "file", fileName } };

    [TestMethod]
    public async Task Documents_are_judged_by_their_bytes_limited_in_size_stored_by_hash_and_downloaded_as_attachments()
    {
        await using var app = new AuditApp();
        app.Settings["Evidence:MaxBytes"] = "4096";
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var (own, _) = await OpenRoundAsync(admin, "2023-evidence");
        var url = $"{AnswersUrl(own)}/{QuestionKey}/evidence";
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

        var created = await respondent.PostAsync(url, Upload(pdf, "../../Beleid kennisveiligheid.pdf"));

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var document = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = document.GetProperty("id").GetString()!;
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.AreEqual(sha, document.GetProperty("sha256").GetString());
        Assert.AreEqual("application/pdf", document.GetProperty("contentType").GetString());
        Assert.AreEqual("Beleid kennisveiligheid.pdf", document.GetProperty("fileName").GetString());
        Assert.AreEqual(pdf.Length, document.GetProperty("sizeBytes").GetInt64());
        Assert.IsTrue(File.Exists(Path.Combine(app.Folder, "evidence", sha)));
        var set = await respondent.GetFromJsonAsync<JsonElement>(AnswersUrl(own));
        Assert.AreEqual(id, set.GetProperty("evidence").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.AreEqual("in_progress", set.GetProperty("status").GetString());

        // The bureau downloads it as an attachment with the detected type, and the read is on the record.
        var download = await analyst.GetAsync($"{url}/{id}");
        Assert.AreEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.AreSequenceEqual(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.AreEqual("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.AreEqual("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.AreEqual("Beleid kennisveiligheid.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit-events?objectType=participation&objectId={own}");
        Assert.Contains(e => e.GetProperty("action").GetString() == "evidence.read", trail.GetProperty("items").EnumerateArray().ToList());

        // A renamed executable is refused by its content; so is anything over the configured size.
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);
        var refused = await ProblemAssert.IsProblemAsync(await respondent.PostAsync(url, Upload(exe, "beleid.pdf")), HttpStatusCode.UnsupportedMediaType);
        Assert.IsGreaterThanOrEqualTo(6, refused.GetProperty("accepted").GetArrayLength());
        var large = new byte[5000];
        pdf.CopyTo(large, 0);
        await ProblemAssert.IsProblemAsync(await respondent.PostAsync(url, Upload(large, "groot.pdf")), HttpStatusCode.RequestEntityTooLarge);
        await ProblemAssert.IsProblemAsync(await respondent.PostAsync($"{AnswersUrl(own)}/geen.vraag/evidence", Upload(pdf, "a.pdf")), HttpStatusCode.BadRequest);
        set = await respondent.GetFromJsonAsync<JsonElement>(AnswersUrl(own));
        Assert.AreEqual(1, set.GetProperty("evidence").GetArrayLength());

        // Removing the only document with these bytes removes the bytes too.
        Assert.AreEqual(HttpStatusCode.NoContent, (await respondent.DeleteAsync($"{url}/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await analyst.GetAsync($"{url}/{id}"), HttpStatusCode.NotFound);
        Assert.IsFalse(File.Exists(Path.Combine(app.Folder, "evidence", sha)));
    }

    [TestMethod]
    public async Task A_document_is_stored_and_served_with_the_extension_of_its_detected_type()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var (own, _) = await OpenRoundAsync(admin, "2023-evidence-name");
        var url = $"{AnswersUrl(own)}/{QuestionKey}/evidence";
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

        // A PDF named .html must not be offered back under a name a browser would open as a page.
        var created = await respondent.PostAsync(url, Upload(pdf, "x.html"));

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var document = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("x.html.pdf", document.GetProperty("fileName").GetString());
        var download = await respondent.GetAsync($"{url}/{document.GetProperty("id").GetString()}");
        Assert.AreEqual(HttpStatusCode.OK, download.StatusCode);
        Assert.AreEqual("x.html.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
    }

    private static ByteArrayContent RawMultipart(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body.Replace("\n", "\r\n", StringComparison.Ordinal)));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private const string PdfPart = "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\nContent-Type: application/pdf\n\n%PDF-1.7\n%%EOF\n";

    [TestMethod]
    public async Task A_multipart_body_the_reader_cannot_finish_is_400_and_a_quoted_boundary_is_read()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var (own, _) = await OpenRoundAsync(admin, "2023-evidence-multipart");
        var url = $"{AnswersUrl(own)}/{QuestionKey}/evidence";

        // No closing boundary: the body ends inside the file part.
        var truncated = await respondent.PostAsync(url, RawMultipart("multipart/form-data; boundary=abc", "--abc\n" + PdfPart));
        // The boundary is declared quoted but the body never uses it.
        var neverUsed = await respondent.PostAsync(url, RawMultipart("multipart/form-data; boundary=\"abc\"", "--xyz\n" + PdfPart + "--xyz--\n"));

        await ProblemAssert.IsProblemAsync(truncated, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(neverUsed, HttpStatusCode.BadRequest);
        var set = await respondent.GetFromJsonAsync<JsonElement>(AnswersUrl(own));
        Assert.AreEqual(0, set.GetProperty("evidence").GetArrayLength(), "a failed upload stores nothing");

        // A quoted boundary is valid multipart (RFC 2046): the same document under it is taken in.
        var quoted = await respondent.PostAsync(url, RawMultipart("multipart/form-data; boundary=\"abc\"", "--abc\n" + PdfPart + "--abc--\n"));
        Assert.AreEqual(HttpStatusCode.Created, quoted.StatusCode, await quoted.Content.ReadAsStringAsync());
    }
}
