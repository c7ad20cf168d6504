using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// The review form's guards (issue 17, "reviewing without mistakes"): no return without a remark or a summary, an
/// accept only after a confirmation step, and the answers shown compactly with each remark field behind "add a remark".
/// </summary>
[TestClass]
public sealed partial class ReviewSafetyPagesTests
{
    [TestMethod]
    public async Task Returning_without_a_remark_or_a_summary_is_an_error_at_the_summary_and_changes_nothing()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);

        var response = await world.ReviewAsync(world.OwnId, "return", ($"opmerking:{BureauWorld.QuestionKey}", "  "), ("samenvatting", " "));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Fout: ", html);
        Assert.Contains("<a class=\"utrecht-link utrecht-link--html-a\" href=\"#samenvatting\">Schrijf minstens één opmerking bij een vraag of een samenvatting.", html);
        Assert.Contains("id=\"samenvatting\" name=\"samenvatting\" rows=\"4\" aria-describedby=\"samenvatting-uitleg samenvatting-fout\" aria-invalid=\"true\"", html);
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnId));
        Assert.IsNull(await ReviewMailAsync(app, world.OwnId, 1, world.Respondent));
    }

    [TestMethod]
    public async Task The_form_shows_each_remark_field_behind_add_a_remark_closed_until_it_holds_text()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);

        var form = await world.Analyst.GetStringAsync(new Uri($"/bureau/deelnames/{world.OwnId}/beoordeling", UriKind.Relative));
        var fields = RemarkFields().Matches(form).Count;
        var closed = Regex.Matches(form, "<details class=\"audit-review-remark\">").Count;

        Assert.IsGreaterThan(10, fields);
        Assert.AreEqual(fields, closed, "every remark field sits in a closed details element");
        Assert.HasCount(fields, Regex.Matches(form, "<summary class=\"audit-review-remark__toggle\">Opmerking toevoegen<span class=\"audit-visually-hidden\"> bij vraag "));
        Assert.DoesNotContain("<details class=\"audit-review-remark\" open>", form);
        Assert.Contains("<label class=\"utrecht-form-label\" for=\"opmerking-governance-bestuurder\">Opmerking bij vraag 1.1 (niet verplicht)</label>", form);

        // After an error, what was typed is in view: the remark's details is open, the others stay closed.
        var refused = await world.ReviewAsync(world.OwnId, "return", ($"opmerking:{BureauWorld.QuestionKey}", "Graag toelichten."),
            ("samenvatting", new string('x', 10_001)));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.HasCount(1, Regex.Matches(html, "<details class=\"audit-review-remark\" open>"));
        Assert.Contains(">Graag toelichten.</textarea>", html);
        Assert.Contains("href=\"#samenvatting\"", html);
    }

    [TestMethod]
    public async Task Accepting_asks_for_a_confirmation_that_stores_what_was_typed_and_nothing_before()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        var path = $"/bureau/deelnames/{world.OwnId}/beoordeling";

        var asked = await world.ReviewAsync(world.OwnId, "accept", ("samenvatting", "Alles op orde & compleet."), ($"opmerking:{BureauWorld.QuestionKey}", "Mooi."));
        var confirm = await asked.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, asked.StatusCode, confirm);
        Assert.Contains("<h1 class=\"utrecht-heading-1\">Vragenlijst van Universiteit van Amsterdam definitief accepteren?</h1>", confirm);
        Assert.Contains("<strong>Definitief:</strong> antwoorden kunnen daarna niet meer worden gewijzigd", confirm);
        Assert.Contains("<input type=\"hidden\" name=\"bevestiging\" value=\"definitief\">", confirm);
        Assert.Contains("<input type=\"hidden\" name=\"samenvatting\" value=\"Alles op orde &amp; compleet.\">", confirm);
        Assert.Contains($"<input type=\"hidden\" name=\"opmerking:{BureauWorld.QuestionKey}\" value=\"Mooi.\">", confirm);
        Assert.Contains("name=\"besluit\" value=\"accept\"", confirm);
        Assert.Contains(">Ja, definitief accepteren</button>", confirm);
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnId), "the first press stores nothing");
        Assert.IsNull(await ReviewMailAsync(app, world.OwnId, 1, world.Respondent));

        // "Back" returns to the form with what was typed, still nothing stored.
        var token = AntiforgeryField().Match(confirm).Groups[1].Value;
        var back = await Browser.PostFormAsync(world.Analyst, path, ("__RequestVerificationToken", token), ("besluit", "terug"),
            ("samenvatting", "Alles op orde & compleet."), ($"opmerking:{BureauWorld.QuestionKey}", "Mooi."));
        var form = await back.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains(">Alles op orde &amp; compleet.</textarea>", form);
        Assert.Contains(">Mooi.</textarea>", form);
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnId));

        var confirmed = await Browser.PostFormAsync(world.Analyst, path, ("__RequestVerificationToken", token), ("bevestiging", "definitief"),
            ("besluit", "accept"), ("samenvatting", "Alles op orde & compleet."), ($"opmerking:{BureauWorld.QuestionKey}", "Mooi."));
        Assert.AreEqual(HttpStatusCode.Redirect, confirmed.StatusCode, await confirmed.Content.ReadAsStringAsync());
        Assert.EndsWith("?melding=accepted", confirmed.Headers.Location!.OriginalString);
        Assert.AreEqual("accepted", await world.StatusOfAsync(world.OwnId));
        var review = (await world.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{world.OwnId}/reviews")).GetProperty("items").EnumerateArray().Single();
        Assert.AreEqual("accept", review.GetProperty("decision").GetString());
        Assert.AreEqual("Alles op orde & compleet.", review.GetProperty("summary").GetString());
        Assert.IsNotNull(await ReviewMailAsync(app, world.OwnId, 1, world.Respondent), "uva's respondent is told");
    }

    [TestMethod]
    public async Task The_confirmation_is_in_english_with_lang_en()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        await world.Analyst.GetStringAsync(new Uri($"/bureau/deelnames/{world.OwnId}/beoordeling?lang=en", UriKind.Relative));

        var asked = await world.ReviewAsync(world.OwnId, "accept");
        var confirm = await asked.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("<strong>Final:</strong> the answers can no longer be changed afterwards", confirm);
        Assert.Contains(">Yes, accept for good</button>", confirm);
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnId));
    }

    [TestMethod]
    public async Task A_return_with_only_a_summary_tells_the_institution_to_read_the_summary_not_to_look_for_remarks()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        var returned = await world.Admin.PostAsJsonAsync($"/api/v1/participations/{world.OwnId}/reviews", new { decision = "return", summary = "Vul thema 2 aan." });
        Assert.AreEqual(HttpStatusCode.OK, returned.StatusCode, await returned.Content.ReadAsStringAsync());

        var overview = await world.Respondent.GetStringAsync(new Uri($"/deelnames/{world.OwnId}/overzicht", UriKind.Relative));

        Assert.Contains("Het auditbureau heeft geen opmerkingen bij afzonderlijke vragen geplaatst; lees de samenvatting hieronder.", overview);
        Assert.Contains("Vul thema 2 aan.", overview);
        Assert.DoesNotContain("Bij de vragen staan de opmerkingen", overview);
    }

    /// <summary>The outbox row of the mail about the <paramref name="review"/>-th review to <paramref name="contact"/>'s user, sent or not.</summary>
    private static Task<OutboxEntry?> ReviewMailAsync(AuditApp app, string participationId, int review, HttpClient contact) =>
        app.Services.GetRequiredService<IMailOutbox>().FindByDedupeKeyAsync($"review:{participationId}:{review}:{app.UserIds[contact]}");

    [GeneratedRegex("<textarea [^>]*name=\"opmerking:")]
    private static partial Regex RemarkFields();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
