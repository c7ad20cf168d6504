using System.IO.Compression;
using System.Text;

namespace Audit.Drills.BadInput;

/// <summary>
/// Hand-made requests for each class of hostile input issue 16 found, sent besides the generated ones: truncated
/// multipart, quoted boundaries, too many form fields and bodies that are not the declared form encoding on page posts,
/// null array items, lone surrogates, duplicate JSON keys, If-Match variants, trailing slashes and zip bombs. None may
/// be accepted: each is refused with a 4xx, and nothing is written (the drill's database comparison checks that).
/// </summary>
public static class HostileShapes
{
    public const string QuestionKey = "governance.bestuurder";

    /// <summary>Pages are HTTPS-only outside Development; the loopback proxy header lets these reach the form reader.</summary>
    private static readonly Dictionary<string, string> BehindTls = new() { ["X-Forwarded-Proto"] = "https" };

    private static readonly Lazy<byte[]> Bomb = new(ZipBomb);

    public static byte[] ZipBombBytes => Bomb.Value;

    public static IEnumerable<MalformedRequest> All(KnownIds ids, int firstIndex)
    {
        var index = firstIndex;
        var participation = $"/api/v1/participations/{ids.ParticipationId}";
        var evidence = $"{participation}/answers/{QuestionKey}/evidence";
        var answer = $"{participation}/answers/{QuestionKey}";
        MalformedRequest Make(string attack, Caller caller, string method, string path, byte[]? body, string? contentType,
            IReadOnlyDictionary<string, string>? headers = null) =>
            new(index++, attack, caller, method, path, body, contentType, headers);

        // Multipart the reader cannot finish, and quoted boundaries (a well-formed upload of a refused type under one).
        const string filePart = "Content-Disposition: form-data; name=\"file\"; filename=\"x.html\"\r\nContent-Type: application/pdf\r\n\r\n";
        yield return Make("truncated-multipart", Caller.Respondent, "POST", evidence, Ascii("--abc\r\n" + filePart + "%PDF-1.7\r\n"), "multipart/form-data; boundary=abc");
        yield return Make("truncated-multipart", Caller.Respondent, "POST", evidence, Ascii("--abc\r\n" + filePart), "multipart/form-data; boundary=abc");
        yield return Make("quoted-boundary", Caller.Respondent, "POST", evidence, Ascii("--xyz\r\n" + filePart + "%PDF\r\n--xyz--\r\n"), "multipart/form-data; boundary=\"abc\"");
        yield return Make("quoted-boundary", Caller.Respondent, "POST", evidence, Ascii("--abc\r\n" + filePart + "MZ\0\0not a document\r\n--abc--\r\n"), "multipart/form-data; boundary=\"abc\"");
        yield return Make("quoted-boundary", Caller.Respondent, "POST", evidence, Ascii("--abc\r\n" + filePart + "%PDF\r\n--abc--\r\n"), "multipart/form-data; boundary=\"abc");

        // Page form posts the form reader refuses, for every kind of page caller.
        var fields = "__RequestVerificationToken=x&" + string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=x"));
        foreach (var (caller, path) in new[]
        {
            (Caller.Anonymous, "/uitnodiging/onbekend"), (Caller.Anonymous, "/aanmelden"),
            (Caller.Respondent, $"/deelnames/{ids.ParticipationId}/thema/governance"),
            (Caller.Respondent, $"/deelnames/{ids.ParticipationId}/indienen"),
            (Caller.Respondent, $"/deelnames/{ids.ParticipationId}/bewijs/{QuestionKey}"),
            (Caller.Admin, $"/bureau/deelnames/{ids.ParticipationId}/bevindingen"),
            (Caller.Admin, $"/bureau/deelnames/{ids.ParticipationId}/beoordeling"),
            (Caller.Admin, $"/bureau/rondes/{ids.RoundId}/uitnodigingen"),
        })
        {
            yield return Make("too-many-form-fields", caller, "POST", path, Ascii(fields), "application/x-www-form-urlencoded", BehindTls);
            yield return Make("not-the-declared-encoding", caller, "POST", path, Ascii("__RequestVerificationToken=x&token=y"), "multipart/form-data; boundary=abc", BehindTls);
            yield return Make("not-the-declared-encoding", caller, "POST", path, Ascii("__RequestVerificationToken=x"), "multipart/form-data", BehindTls);
        }

        // JSON: null array items, lone surrogates, duplicate keys.
        yield return Make("null-array-items", Caller.Admin, "PUT", $"{participation}/findings", Ascii("""{"themes":[null],"summary":null}"""), "application/json");
        yield return Make("null-array-items", Caller.Admin, "POST", $"{participation}/reviews", Ascii("""{"decision":"return","remarks":[null,null],"summary":"x"}"""), "application/json");
        yield return Make("null-array-items", Caller.Respondent, "PUT", $"{participation}/answers/governance.rapportage_rvt", Ascii("""{"value":[null]}"""), "application/json");
        yield return Make("null-array-items", Caller.Admin, "POST", $"/api/v1/rounds/{ids.RoundId}/participations", Ascii("""{"institutionIds":[null]}"""), "application/json");
        yield return Make("lone-surrogate", Caller.Respondent, "PUT", answer, Ascii("""{"value":"yes","comment":"a\ud800b"}"""), "application/json");
        yield return Make("lone-surrogate", Caller.Admin, "PUT", $"{participation}/findings", Ascii("""{"themes":[],"summary":"\udc00","\ud800":1}"""), "application/json");
        yield return Make("duplicate-json-keys", Caller.Respondent, "PUT", answer, Ascii("""{"value":"yes","value":"no"}"""), "application/json");
        yield return Make("duplicate-json-keys", Caller.Admin, "PUT", $"{participation}/findings", Ascii("""{"themes":[],"themes":[],"summary":null}"""), "application/json");

        // If-Match: nothing exists to match, so every variant fails (412), is malformed (400), or finds nothing (404).
        var valid = Ascii("""{"value":"yes"}""");
        var findings = Ascii("""{"themes":[{"themeKey":"governance","finding":"x","recommendation":null}],"summary":null}""");
        foreach (var ifMatch in new[] { "\"0\"", "\"-1\"", "\"abc\"", "W/\"1\"", "\"999\", \"1\"", "*", "1", "\"1", "*, \"1\"", "\"1\" \"2\"", "", ",", "W/1" })
        {
            var header = new Dictionary<string, string> { ["If-Match"] = ifMatch };
            yield return Make("if-match", Caller.Respondent, "PUT", answer, valid, "application/json", header);
            yield return Make("if-match", Caller.Respondent, "DELETE", answer, null, null, header);
            yield return Make("if-match", Caller.Admin, "PUT", $"{participation}/findings", findings, "application/json", header);
        }

        // Trailing slashes.
        foreach (var path in new[] { "/api/v1/rounds/", $"{participation}/", $"{participation}/answers/", "/api/v1/me/" })
        {
            yield return Make("trailing-slash", Caller.Admin, "GET", path, null, null);
        }
        yield return Make("trailing-slash", Caller.Respondent, "PUT", answer + "/", valid, "application/json");

        // A zip bomb as evidence: refused by its content without inflating it.
        yield return Make("zip-bomb", Caller.Respondent, "POST", evidence, ZipBombUpload(out var contentType), contentType);
    }

    /// <summary>The multipart body of one zip-bomb evidence upload, named like an OpenDocument file.</summary>
    public static byte[] ZipBombUpload(out string contentType)
    {
        const string boundary = "drillbomb";
        contentType = "multipart/form-data; boundary=" + boundary;
        using var body = new MemoryStream();
        body.Write(Ascii($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"beleid.odt\"\r\nContent-Type: application/vnd.oasis.opendocument.text\r\n\r\n"));
        body.Write(ZipBombBytes);
        body.Write(Ascii($"\r\n--{boundary}--\r\n"));
        return body.ToArray();
    }

    /// <summary>About 200 KB: a ZIP whose <c>mimetype</c> entry inflates to 200 MB.</summary>
    private static byte[] ZipBomb()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("mimetype", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            "application/vnd.oasis.opendocument.text"u8.CopyTo(chunk);
            entry.Write(chunk);
            Array.Clear(chunk);
            for (var i = 1; i < 200; i++)
            {
                entry.Write(chunk);
            }
        }
        return zip.ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);
}
