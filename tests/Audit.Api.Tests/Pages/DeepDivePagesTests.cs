using System.Net;
using System.Text.RegularExpressions;
using Audit.Api.Tests.Reports;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// The deep-dive pages over a round with six accepted universities: the suggestion ticks the boxes, the selection is
/// saved with post/redirect/get, errors are summarised and linked, records are added, changed and deleted, and
/// analyst text comes out escaped. Outside the bureau the pages do not exist (ministry) or are refused (respondents).
/// </summary>
[TestClass]
public sealed partial class DeepDivePagesTests
{
    private static ReportWorld _world = null!;
    private static HttpClient _analyst = null!;

    private static string SelectionPath => $"/bureau/rondes/{_world.RoundId}/verdieping/universiteit";

    [GeneratedRegex("<input class=\"utrecht-checkbox[^>]*name=\"instelling\"[^>]*checked>")]
    private static partial Regex CheckedInstitution();

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        _world = await ReportWorld.CreateAsync("2023-deep-dive-pages");
        _analyst = Browser.For(_world.App);
        _analyst.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_world.App, "Ada"));
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        _analyst.Dispose();
        await _world.DisposeAsync();
    }

    [TestMethod]
    public async Task A_suggestion_ticks_its_institutions_and_a_bad_size_is_summarised()
    {
        var html = await _analyst.GetStringAsync(new Uri($"{SelectionPath}?omvang=4&seed=42", UriKind.Relative));
        Assert.HasCount(4, CheckedInstitution().Matches(html));
        Assert.Contains("seed 42", html);

        var bad = await _analyst.GetAsync(new Uri($"{SelectionPath}?omvang=0&seed=x", UriKind.Relative));
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#omvang\"", body);
        Assert.Contains("href=\"#seed\"", body);
    }

    [TestMethod]
    public async Task The_selection_is_saved_with_a_notice_and_a_stale_form_is_a_conflict()
    {
        var token = await Browser.AntiforgeryAsync(_analyst, SelectionPath);
        var missing = await Browser.PostFormAsync(_analyst, SelectionPath, ("__RequestVerificationToken", token), ("instelling", ReportWorld.Own), ("versie", ""));
        Assert.AreEqual(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("href=\"#motivering\"", await missing.Content.ReadAsStringAsync());

        var saved = await Browser.PostFormAsync(_analyst, SelectionPath, ("__RequestVerificationToken", token), ("instelling", ReportWorld.Own),
            ("instelling", ReportWorld.Other), ("motivering", "Spreiding <b>over</b> kwartielen"), ("versie", ""));
        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        var page = await _analyst.GetStringAsync(saved.Headers.Location);
        Assert.Contains("De selectie is opgeslagen.", page);
        Assert.Contains("Spreiding &lt;b&gt;over&lt;/b&gt; kwartielen", page);
        Assert.Contains($"{SelectionPath}/{ReportWorld.Own}", page);

        var stale = await Browser.PostFormAsync(_analyst, SelectionPath, ("__RequestVerificationToken", token), ("instelling", ReportWorld.Own),
            ("motivering", "Oud"), ("versie", ""));
        Assert.AreEqual(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [TestMethod]
    public async Task Records_are_added_changed_and_deleted_with_errors_at_their_fields()
    {
        await EnsureSelectedAsync();
        var path = $"{SelectionPath}/{ReportWorld.Own}";
        var token = await Browser.AntiforgeryAsync(_analyst, path);

        var invalid = await Browser.PostFormAsync(_analyst, path, ("__RequestVerificationToken", token), ("verslag", ""), ("versie", ""),
            ("datum", "morgen"), ("rollen", ""), ("notitie-1", "Zonder thema"));
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = await invalid.Content.ReadAsStringAsync();
        foreach (var field in new[] { "#datum", "#soort-interview", "#rollen", "#themas-1" })
        {
            Assert.Contains($"href=\"{field}\"", errors);
        }
        Assert.Contains("Zonder thema", errors);

        var added = await Browser.PostFormAsync(_analyst, path, ("__RequestVerificationToken", token), ("verslag", ""), ("versie", ""),
            ("datum", "2023-05-02"), ("soort", "interview"), ("rollen", "bestuurder\nsecurity officer"),
            ("notitie-1", "<script>alert(1)</script> screening"), ("themas-1", "governance"), ("notitie-2", ""), ("praktijken", "Jaarlijkse oefening"));
        Assert.AreEqual(HttpStatusCode.Redirect, added.StatusCode, await added.Content.ReadAsStringAsync());
        var page = await _analyst.GetStringAsync(added.Headers.Location);
        Assert.Contains("Het verslag is opgeslagen.", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; screening", page);
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("bestuurder, security officer", page);

        var recordId = Regex.Match(page, "name=\"verslag\" value=\"(dd_[^\"]+)\"").Groups[1].Value;
        var edit = await _analyst.GetStringAsync(new Uri($"{path}?verslag={recordId}", UriKind.Relative));
        Assert.Contains("Verslag wijzigen", edit);
        var changed = await Browser.PostFormAsync(_analyst, path, ("__RequestVerificationToken", token), ("verslag", recordId), ("versie", "1"),
            ("datum", "2023-05-03"), ("soort", "document-study"), ("rollen", "jurist"), ("notitie-1", "Beleid gelezen"), ("themas-1", "governance"));
        Assert.AreEqual(HttpStatusCode.Redirect, changed.StatusCode, await changed.Content.ReadAsStringAsync());
        Assert.Contains("Documentstudie", await _analyst.GetStringAsync(changed.Headers.Location));

        var deleted = await Browser.PostFormAsync(_analyst, $"{path}/verwijderen", ("__RequestVerificationToken", token), ("verslag", recordId), ("versie", "2"));
        Assert.AreEqual(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("Het verslag is verwijderd.", await _analyst.GetStringAsync(deleted.Headers.Location));
    }

    [TestMethod]
    public async Task The_ministry_is_told_the_pages_do_not_exist_and_respondents_are_refused()
    {
        using var ministry = Browser.For(_world.App);
        ministry.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_world.App, "Mo", Role.Ministry));
        using var respondent = Browser.For(_world.App);
        respondent.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_world.App, "Ro", Role.Respondent, ReportWorld.Own));

        Assert.AreEqual(HttpStatusCode.NotFound, (await ministry.GetAsync(new Uri(SelectionPath, UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await respondent.GetAsync(new Uri(SelectionPath, UriKind.Relative))).StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, (await _analyst.GetAsync(new Uri($"{SelectionPath}/nope", UriKind.Relative))).StatusCode);
    }

    /// <summary>Selects uva (and vu) unless a test already did, whatever order the tests run in.</summary>
    private static async Task EnsureSelectedAsync()
    {
        var html = await _analyst.GetStringAsync(new Uri(SelectionPath, UriKind.Relative));
        if (html.Contains($"{SelectionPath}/{ReportWorld.Own}\"", StringComparison.Ordinal))
        {
            return;
        }
        var version = Regex.Match(html, "name=\"versie\" value=\"([0-9]*)\"").Groups[1].Value;
        var token = await Browser.AntiforgeryAsync(_analyst, SelectionPath);
        var saved = await Browser.PostFormAsync(_analyst, SelectionPath, ("__RequestVerificationToken", token), ("instelling", ReportWorld.Own),
            ("instelling", ReportWorld.Other), ("motivering", "Voor de verslagen"), ("versie", version));
        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode, await saved.Content.ReadAsStringAsync());
    }
}
