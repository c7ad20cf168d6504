using System.Net;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>The respondent pages without a browser: who reaches them, and the theme form's save (one transaction, no-JS path).</summary>
[TestClass]
public sealed class RespondentPagesTests
{
    private const string Uitgevoerd = "risicoanalyse.uitgevoerd";
    private const string Criteria = "risicoanalyse.criteria";
    private const string Aantal = "risicoanalyse.aantal_beoordeeld";

    [TestMethod]
    public async Task The_theme_page_draws_every_question_type_with_its_control_and_hides_unmet_conditions()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var response = await browser.GetAsync(new Uri(world.ThemePath, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, html);
        Assert.AreEqual(1, html.Split("<h1").Length - 1);
        foreach (var control in new[] { "type=\"radio\"", "type=\"checkbox\"", "inputmode=\"numeric\"", "<textarea", "scope=\"col\"", "scope=\"row\"", "<caption", "maxlength=\"" })
        {
            Assert.Contains(control, html);
        }
        Assert.Contains($"id=\"q-{Criteria}\" data-question=\"{Criteria}\" data-type=\"multi_choice\" data-visible-when=\"{Uitgevoerd}\" data-visible-equals=\"yes\" hidden>", html);
        Assert.Contains("<script src=\"/js/autosave.js\" defer></script>", html);
        Assert.Contains("href=\"/deelnames\" aria-current=\"page\"", await browser.GetStringAsync(new Uri("/deelnames", UriKind.Relative)));
    }

    [TestMethod]
    public async Task Another_institutions_participation_is_not_found_and_other_roles_are_refused()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var other = await world.BrowserAsync("vu");

        foreach (var path in new[] { world.ThemePath, $"/deelnames/{world.OwnId}/overzicht", $"/deelnames/{world.OwnId}/indienen", $"/deelnames/{world.OwnId}/rapport" })
        {
            Assert.AreEqual(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(path, UriKind.Relative))).StatusCode, path);
        }
        Assert.AreEqual(HttpStatusCode.NotFound, (await Browser.PostFormAsync(other, world.ThemePath, ("a:" + Uitgevoerd, "yes"))).StatusCode);
        Assert.DoesNotContain(world.OwnId, await other.GetStringAsync(new Uri("/deelnames", UriKind.Relative)));
        Assert.Contains(world.OtherId, await other.GetStringAsync(new Uri("/deelnames", UriKind.Relative)));
        // The bureau is refused; the ministry is told there is nothing here, as on every participation URL.
        foreach (var (role, expected) in new[] { (Role.Admin, HttpStatusCode.Forbidden), (Role.Analyst, HttpStatusCode.Forbidden), (Role.Ministry, HttpStatusCode.NotFound) })
        {
            using var browser = await world.BrowserAsync(role: role);
            Assert.AreEqual(expected, (await browser.GetAsync(new Uri("/deelnames", UriKind.Relative))).StatusCode, role.ToString());
            Assert.AreEqual(expected, (await browser.GetAsync(new Uri(world.ThemePath, UriKind.Relative))).StatusCode, role.ToString());
        }
    }

    [TestMethod]
    public async Task A_form_post_without_antiforgery_is_refused_and_saves_nothing()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var response = await Browser.PostFormAsync(browser, world.ThemePath, ("q", Uitgevoerd), ("a:" + Uitgevoerd, "yes"));
        var submit = await Browser.PostFormAsync(browser, $"/deelnames/{world.OwnId}/indienen");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Het formulier is verlopen", await response.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.IsEmpty(await world.AnswersAsync());
    }

    [TestMethod]
    public async Task A_theme_is_saved_whole_and_the_browser_goes_on_to_the_next_theme()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var response = await world.PostThemeAsync(browser,
            ("q", Uitgevoerd), ("a:" + Uitgevoerd, "yes"), ("v:" + Uitgevoerd, ""),
            ("q", Criteria), ("a:" + Criteria, "financieringsbronnen"), ("a:" + Criteria, "land_partner"), ("v:" + Criteria, ""),
            ("q", Aantal), ("a:" + Aantal, " 12 "), ("v:" + Aantal, ""),
            ("q", "risicoanalyse.uitkomsten"), ("a:risicoanalyse.uitkomsten:cn:continued", "3"), ("a:risicoanalyse.uitkomsten:ru:continued", ""),
            ("q", "risicoanalyse.nieuwe_maatregelen"), ("a:risicoanalyse.nieuwe_maatregelen", "  "),
            ("actie", "verder"));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.StartsWith($"/deelnames/{world.OwnId}/thema/", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("/" + RespondentWorld.Theme + "?", response.Headers.Location.OriginalString, "on to the next theme");
        var answers = await world.AnswersAsync();
        Assert.AreEqual("yes", answers[Uitgevoerd].GetProperty("value").GetString());
        Assert.AreEqual("[\"financieringsbronnen\",\"land_partner\"]", answers[Criteria].GetProperty("value").GetRawText());
        Assert.AreEqual(12, answers[Aantal].GetProperty("value").GetInt32());
        Assert.AreEqual("{\"cn\":{\"continued\":3}}", answers["risicoanalyse.uitkomsten"].GetProperty("value").GetRawText());
    }

    [TestMethod]
    public async Task Invalid_entries_save_nothing_are_listed_with_links_and_come_back_as_typed()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var response = await world.PostThemeAsync(browser,
            ("q", Uitgevoerd), ("a:" + Uitgevoerd, "yes"),
            ("q", Aantal), ("a:" + Aantal, "twaalf"),
            ("q", "risicoanalyse.uitkomsten"), ("a:risicoanalyse.uitkomsten:ir:declined", "-1"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Fout: ", html);
        Assert.Contains($"href=\"#v-{Aantal}\"", html);
        Assert.Contains("href=\"#v-risicoanalyse.uitkomsten-r2-c2", html);
        Assert.Contains($"aria-describedby=\"h-{Aantal} e-{Aantal}\" aria-invalid=\"true\"", html);
        Assert.Contains($"id=\"e-{Aantal}\"", html);
        Assert.Contains("value=\"twaalf\"", html);
        Assert.Contains("value=\"-1\"", html);
        Assert.IsEmpty(await world.AnswersAsync(), "nothing is saved, not even the valid answer");
    }

    [TestMethod]
    public async Task A_question_hidden_by_this_same_post_is_neither_validated_nor_saved()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var response = await world.PostThemeAsync(browser,
            ("q", Uitgevoerd), ("a:" + Uitgevoerd, "no"), ("q", Criteria), ("a:" + Criteria, "not-an-option"));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        var answers = await world.AnswersAsync();
        Assert.IsTrue(answers.ContainsKey(Uitgevoerd));
        Assert.IsFalse(answers.ContainsKey(Criteria));
    }

    [TestMethod]
    public async Task An_emptied_field_clears_its_answer_and_a_stale_version_is_a_conflict()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        await world.PostThemeAsync(browser, ("q", Aantal), ("a:" + Aantal, "5"), ("q", Uitgevoerd), ("a:" + Uitgevoerd, "yes"));
        Assert.AreEqual(1, (await world.AnswersAsync())[Aantal].GetProperty("version").GetInt32());

        var stale = await world.PostThemeAsync(browser, ("q", Uitgevoerd), ("a:" + Uitgevoerd, "no"), ("v:" + Uitgevoerd, "7"));
        var cleared = await world.PostThemeAsync(browser, ("q", Aantal), ("a:" + Aantal, ""), ("v:" + Aantal, "1"));

        Assert.AreEqual(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Een collega heeft dit antwoord gewijzigd", await stale.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.Redirect, cleared.StatusCode, await cleared.Content.ReadAsStringAsync());
        var answers = await world.AnswersAsync();
        Assert.IsFalse(answers.ContainsKey(Aantal));
        Assert.AreEqual("yes", answers[Uitgevoerd].GetProperty("value").GetString(), "the refused post changed nothing");
    }

    [TestMethod]
    public async Task Without_script_an_answer_that_brings_up_questions_stays_on_the_theme_to_show_them()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var response = await world.PostThemeAsync(browser, ("q", Uitgevoerd), ("a:" + Uitgevoerd, "yes"), ("actie", "verder"));
        var page = await browser.GetStringAsync(new Uri(response.Headers.Location!.OriginalString, UriKind.Relative));

        Assert.AreEqual($"{world.ThemePath}?status=saved_more", response.Headers.Location.OriginalString);
        Assert.Contains("Door uw antwoorden zijn er vragen bijgekomen", page);
        Assert.DoesNotContain($"data-visible-when=\"{Uitgevoerd}\" data-visible-equals=\"yes\" hidden>", page, "the questions that depend on the answer are shown now");
        Assert.Contains($"data-visible-when=\"{Uitgevoerd}\" data-visible-equals=\"yes\">", page);
    }
}
