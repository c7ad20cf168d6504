using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Application.Questionnaires;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Synthetic;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// The questions of a theme page (issue 18): a comment field at every question type, saved by the form post; messages
/// that name a number question's own rule; and a page that cannot be changed shows answers as text, without controls.
/// </summary>
[TestClass]
public sealed partial class RespondentQuestionPagesTests
{
    private const string Uitgevoerd = "risicoanalyse.uitgevoerd";
    private const string Aantal = "risicoanalyse.aantal_beoordeeld";

    [GeneratedRegex("data-question=\"(?<key>[^\"]+)\" data-type=\"(?<type>[^\"]+)\"")]
    private static partial Regex QuestionBlock();

    [TestMethod]
    public async Task Every_question_type_has_a_comment_field_named_as_the_form_reads_it()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var html = await browser.GetStringAsync(new Uri(world.ThemePath, UriKind.Relative));

        var questions = QuestionBlock().Matches(html).Select(m => (Key: m.Groups["key"].Value, Type: m.Groups["type"].Value)).ToList();
        CollectionAssert.IsSubsetOf(
            new[] { "yes_no", "maturity", "number", "single_choice", "multi_choice", "grid", "text" },
            questions.Select(q => q.Type).Distinct().ToList(), "the theme holds every question type");
        foreach (var (key, type) in questions)
        {
            Assert.Contains($"id=\"c-{key}\" name=\"c:{key}\"", html, $"{type} question {key} has a comment field");
            Assert.Contains($"<label class=\"utrecht-form-label audit-comment__label\" for=\"c-{key}\">", html, $"{key}'s comment is labelled");
        }
        Assert.AreEqual(questions.Count, Regex.Count(html, "<details class=\"audit-comment\">"), "closed while empty and without a remark");
        Assert.DoesNotContain("class=\"audit-fieldset", html, "no boxed fieldsets");
        Assert.AreEqual(questions.Count(q => q.Type is not ("number" or "text")), Regex.Count(html, "<fieldset class=\"utrecht-form-fieldset"), "a fieldset only for groups");
    }

    [TestMethod]
    public async Task The_form_post_saves_the_comment_with_its_answer_and_refuses_a_comment_without_one()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var saved = await world.PostThemeAsync(browser, ("q", Uitgevoerd), ("a:" + Uitgevoerd, "yes"), ("c:" + Uitgevoerd, "Vastgesteld in\r\nmei."));
        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual("Vastgesteld in\nmei.", (await world.AnswersAsync())[Uitgevoerd].GetProperty("comment").GetString());
        var page = await browser.GetStringAsync(new Uri(world.ThemePath, UriKind.Relative));
        Assert.Contains($"<details class=\"audit-comment\" open>", page, "a comment with text starts open");
        Assert.Contains("Vastgesteld in\nmei.</textarea>", page);

        var refused = await world.PostThemeAsync(browser, ("q", Aantal), ("a:" + Aantal, ""), ("c:" + Aantal, "Nog niet geteld."));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Geef ook een antwoord. Een toelichting wordt bij het antwoord bewaard.", html);
        Assert.Contains($"href=\"#c-{Aantal}\"", html, "the error summary links to the comment");
        Assert.Contains($"aria-describedby=\"ch-{Aantal} e-{Aantal}\" aria-invalid=\"true\"", html);
        Assert.Contains("Nog niet geteld.</textarea>", html, "what was typed is kept");
        Assert.IsFalse((await world.AnswersAsync()).ContainsKey(Aantal));
    }

    [TestMethod]
    [DataRow("3,5")]
    [DataRow("veel")]
    [DataRow("-1")]
    public async Task A_whole_number_question_says_whole_number_with_its_range_whatever_is_wrong(string typed)
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();

        var refused = await world.PostThemeAsync(browser, ("q", Aantal), ("a:" + Aantal, typed));
        var html = await refused.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains($"id=\"e-{Aantal}\"><span class=\"audit-visually-hidden\">Fout: </span>Vul een heel getal in van 0 of meer.</p>", html);
        Assert.Contains("2.7 Vul een heel getal in van 0 of meer.</a>", html, "the error summary says the same");
        Assert.Contains("data-integer=\"true\" data-min=\"0\" data-text-rule=\"Vul een heel getal in van 0 of meer.\"", html, "the same words for autosave.js");
    }

    [TestMethod]
    public async Task A_submitted_participations_theme_page_shows_the_answers_as_text_without_controls()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var browser = await world.BrowserAsync();
        await AnswerEverythingAsync(world, new AnswerWrite(Uitgevoerd, "\"yes\"", "Zie het beleidsplan."));
        var submitPath = $"/deelnames/{world.OwnId}/indienen";
        var submitted = await Browser.PostFormAsync(browser, submitPath, ("__RequestVerificationToken", await RespondentWorld.TokenAsync(browser, submitPath)));
        Assert.AreEqual(HttpStatusCode.Redirect, submitted.StatusCode, await submitted.Content.ReadAsStringAsync());

        var response = await browser.GetAsync(new Uri(world.ThemePath, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        foreach (var control in new[] { "id=\"theme-form\"", "<textarea", " type=\"radio\"", " type=\"checkbox\"", " type=\"text\"", " type=\"file\"", " disabled", ">Opslaan</button>" })
        {
            Assert.DoesNotContain(control, main, control);
        }
        Assert.Contains($"<section class=\"audit-question audit-q audit-q--read\" id=\"q-{Uitgevoerd}\"", main);
        Assert.Contains("<p class=\"utrecht-paragraph audit-answer\">Ja</p>", main);
        Assert.Contains("Zie het beleidsplan.", main);
        Assert.DoesNotContain("/js/autosave.js", html);
    }

    /// <summary>A complete, valid answer set saved straight through the repository, with <paramref name="extra"/> in place of its own answer.</summary>
    private static async Task AnswerEverythingAsync(RespondentWorld world, AnswerWrite extra)
    {
        var services = world.App.Services;
        var questionnaire = (await services.GetRequiredService<QuestionnaireCatalog>().GetAsync("kennisveiligheid", "2023"))!;
        var writes = new SyntheticAnswers(7).For(questionnaire).Where(a => a.QuestionKey != extra.QuestionKey)
            .Select(a => new AnswerWrite(a.QuestionKey, a.ValueJson)).Append(extra).ToList();
        var saved = await services.GetRequiredService<IAnswerRepository>().SaveBatchAsync(world.OwnId, writes, new Actor("colleague", "respondent"), DateTimeOffset.UtcNow);
        Assert.IsTrue(saved.Saved);
    }
}
