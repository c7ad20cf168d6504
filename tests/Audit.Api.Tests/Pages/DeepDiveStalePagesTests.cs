using System.Net;
using System.Text.RegularExpressions;
using Audit.Api.Tests.Reports;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// A deep-dive record changed or deleted by a colleague while another analyst had it open: the delete or change is
/// refused with a notice that says what happened (never a bare error page), and typed text is kept.
/// </summary>
public sealed partial class DeepDivePagesTests
{
    private static async Task<HashSet<string>> RecordIdsAsync(string path) =>
        [.. Regex.Matches(await _analyst.GetStringAsync(new Uri(path, UriKind.Relative)), "name=\"verslag\" value=\"(dd_[^\"]+)\"").Select(m => m.Groups[1].Value)];

    /// <summary>Adds a record and returns its id: the one id the page lists now and did not before.</summary>
    private static async Task<string> AddRecordAsync(string path, string token, string note)
    {
        var before = await RecordIdsAsync(path);
        var added = await Browser.PostFormAsync(_analyst, path, ("__RequestVerificationToken", token), ("verslag", ""), ("versie", ""),
            ("datum", "2023-06-01"), ("soort", "interview"), ("rollen", "bestuurder"), ("notitie-1", note), ("themas-1", "governance"));
        Assert.AreEqual(HttpStatusCode.Redirect, added.StatusCode, await added.Content.ReadAsStringAsync());
        return (await RecordIdsAsync(path)).Except(before).Single();
    }

    [TestMethod]
    public async Task A_stale_delete_or_change_gives_a_notice_and_keeps_the_typed_text()
    {
        await EnsureSelectedAsync();
        var path = $"{SelectionPath}/{ReportWorld.Own}";
        var token = await Browser.AntiforgeryAsync(_analyst, path);
        var recordId = await AddRecordAsync(path, token, "Eerste versie van de notitie");

        // A colleague saves version 2; the stale form still names version 1.
        var colleague = await Browser.PostFormAsync(_analyst, path, ("__RequestVerificationToken", token), ("verslag", recordId), ("versie", "1"),
            ("datum", "2023-06-01"), ("soort", "interview"), ("rollen", "bestuurder"), ("notitie-1", "Versie van de collega"), ("themas-1", "governance"));
        Assert.AreEqual(HttpStatusCode.Redirect, colleague.StatusCode);

        var staleDelete = await Browser.PostFormAsync(_analyst, $"{path}/verwijderen", ("__RequestVerificationToken", token), ("verslag", recordId), ("versie", "1"));
        Assert.AreEqual(HttpStatusCode.Redirect, staleDelete.StatusCode);
        var afterDelete = await _analyst.GetStringAsync(staleDelete.Headers.Location);
        Assert.Contains("data-message=\"delete_stale\"", afterDelete);
        Assert.Contains("niet verwijderd", afterDelete);
        Assert.Contains("Versie van de collega", afterDelete, "the record is still there, as the colleague left it");

        var staleChange = await Browser.PostFormAsync(_analyst, path, ("__RequestVerificationToken", token), ("verslag", recordId), ("versie", "1"),
            ("datum", "2023-06-01"), ("soort", "interview"), ("rollen", "bestuurder"), ("notitie-1", "Mijn getypte tekst"), ("themas-1", "governance"));
        Assert.AreEqual(HttpStatusCode.Conflict, staleChange.StatusCode);
        var conflict = await staleChange.Content.ReadAsStringAsync();
        Assert.Contains("Een collega heeft dit intussen opgeslagen", conflict);
        Assert.Contains("Mijn getypte tekst", conflict);
        Assert.Contains("name=\"versie\" value=\"2\"", conflict, "saving again replaces the colleague's version knowingly");

        var deleted = await Browser.PostFormAsync(_analyst, $"{path}/verwijderen", ("__RequestVerificationToken", token), ("verslag", recordId), ("versie", "2"));
        Assert.Contains("Het verslag is verwijderd.", await _analyst.GetStringAsync(deleted.Headers.Location));
        var again = await Browser.PostFormAsync(_analyst, $"{path}/verwijderen", ("__RequestVerificationToken", token), ("verslag", recordId), ("versie", "2"));
        Assert.AreEqual(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("data-message=\"record_gone\"", await _analyst.GetStringAsync(again.Headers.Location));

        var changeGone = await Browser.PostFormAsync(_analyst, path, ("__RequestVerificationToken", token), ("verslag", recordId), ("versie", "2"),
            ("datum", "2023-06-01"), ("soort", "interview"), ("rollen", "bestuurder"), ("notitie-1", "Nog een getypte tekst"), ("themas-1", "governance"));
        Assert.AreEqual(HttpStatusCode.Conflict, changeGone.StatusCode);
        var gone = await changeGone.Content.ReadAsStringAsync();
        Assert.Contains("data-message=\"change_gone\"", gone);
        Assert.Contains("Nog een getypte tekst", gone);
        Assert.Contains("name=\"verslag\" value=\"\"", gone, "saving again adds it as a new record");
    }
}
