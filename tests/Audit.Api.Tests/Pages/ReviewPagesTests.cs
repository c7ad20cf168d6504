using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.SectorViews;
using Audit.Api.Tests.Collection;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Institutions;
using Audit.Core.SectorViews;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;
using Audit.Application.SectorViews;

namespace Audit.Api.Tests.Pages;

/// <summary>The review form and the findings editor: the same rules as the API, antiforgery, errors at the fields, PRG.</summary>
[TestClass]
public sealed class ReviewPagesTests
{
    [TestMethod]
    public async Task A_review_post_without_antiforgery_is_refused_and_changes_nothing()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);

        var response = await Browser.PostFormAsync(world.Analyst, $"/bureau/deelnames/{world.OwnId}/beoordeling",
            ("besluit", "return"), ($"opmerking:{BureauWorld.QuestionKey}", "Graag aanvullen."));

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Dit verzoek kunnen we niet verwerken", await response.Content.ReadAsStringAsync());
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnId));
    }

    [TestMethod]
    public async Task Returning_with_a_remark_stores_it_and_redirects_to_the_participation_with_a_message()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);

        var response = await world.ReviewAsync(world.OwnId, "return",
            ($"opmerking:{BureauWorld.QuestionKey}", "Wie is de bestuurder precies?"), ("opmerking:governance.beleid", "   "), ("samenvatting", "Bijna klaar."));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual($"/bureau/deelnames/{world.OwnId}?melding=returned", response.Headers.Location?.OriginalString);
        Assert.AreEqual("returned", await world.StatusOfAsync(world.OwnId));
        var set = await world.Respondent.GetFromJsonAsync<JsonElement>(AnswersUrl(world.OwnId));
        var remark = set.GetProperty("remarks").EnumerateArray().Single(); // the blank remark is no remark
        Assert.AreEqual(BureauWorld.QuestionKey, remark.GetProperty("questionKey").GetString());
        Assert.AreEqual("Wie is de bestuurder precies?", remark.GetProperty("text").GetString());
        var reviews = await world.Respondent.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{world.OwnId}/reviews");
        Assert.AreEqual("Bijna klaar.", reviews.GetProperty("items")[0].GetProperty("summary").GetString());

        var page = await world.Analyst.GetStringAsync(new Uri(response.Headers.Location!.OriginalString, UriKind.Relative));
        Assert.Contains("De vragenlijst is teruggestuurd naar de instelling", page);
        Assert.Contains("Wie is de bestuurder precies?", page);
    }

    [TestMethod]
    public async Task Accepting_marks_the_sector_dirty_and_schedules_the_recompute()
    {
        var scheduler = new RecordingRecomputeScheduler();
        await using var app = new AuditApp { TestServices = services => services.AddSingleton<ISectorRecomputeScheduler>(scheduler) };
        var world = await BureauWorld.SubmittedAsync(app);

        var response = await world.ReviewAsync(world.OwnId, "accept", ("bevestiging", "definitief"));

        Assert.AreEqual(HttpStatusCode.Redirect, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.EndsWith("?melding=accepted", response.Headers.Location!.OriginalString);
        Assert.AreEqual("accepted", await world.StatusOfAsync(world.OwnId));
        Assert.AreEqual((world.RoundId, InstitutionType.Universiteit), scheduler.Enqueued.Single());
        var marks = await app.Services.GetRequiredService<ISectorDirtyRepository>().ListAsync();
        Assert.AreEqual((world.RoundId, InstitutionType.Universiteit), marks.Select(m => (m.RoundId, m.InstitutionType)).Single());
    }

    [TestMethod]
    public async Task An_overlong_remark_comes_back_with_what_was_typed_and_an_error_linked_to_the_field()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        var overlong = new string('x', 10_001);

        var response = await world.ReviewAsync(world.OwnId, "return", ($"opmerking:{BureauWorld.QuestionKey}", overlong), ("opmerking:governance.beleid", "Kort."));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Fout: ", html);
        Assert.Contains("href=\"#opmerking-governance-bestuurder\"", html);
        Assert.Contains("id=\"opmerking-governance-bestuurder\" name=\"opmerking:governance.bestuurder\" rows=\"2\" aria-describedby=\"vraag-governance-bestuurder opmerking-governance-bestuurder-fout\" aria-invalid=\"true\"", html);
        Assert.Contains("Een opmerking is hoogstens 10.000 tekens lang.", html);
        Assert.Contains(">Kort.</textarea>", html, "what was typed stays");
        Assert.AreEqual("submitted", await world.StatusOfAsync(world.OwnId));
    }

    [TestMethod]
    public async Task Reviewing_a_participation_that_is_not_submitted_is_a_conflict_page()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);

        var form = await world.Analyst.GetStringAsync(new Uri($"/bureau/deelnames/{world.OtherId}/beoordeling", UriKind.Relative));
        var response = await world.ReviewAsync(world.OtherId, "accept", ("bevestiging", "definitief"));
        var unconfirmed = await world.ReviewAsync(world.OtherId, "accept");

        Assert.Contains("kan nu niet worden beoordeeld", form);
        Assert.DoesNotContain("name=\"besluit\"", form, "no form while there is nothing to review");
        Assert.AreEqual(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("kan niet (meer) worden beoordeeld", await response.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.Conflict, unconfirmed.StatusCode, "no confirmation is asked for what cannot be done");
        Assert.DoesNotContain("definitief accepteren", await unconfirmed.Content.ReadAsStringAsync());
        Assert.AreEqual("invited", await world.StatusOfAsync(world.OtherId));
    }

    [TestMethod]
    public async Task Findings_are_saved_with_post_redirect_get_and_a_stale_form_does_not_overwrite_a_colleague()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        var path = $"/bureau/deelnames/{world.OwnId}/bevindingen";

        var token = await Browser.AntiforgeryAsync(world.Analyst, path);
        var saved = await Browser.PostFormAsync(world.Analyst, path, ("__RequestVerificationToken", token), ("versie", ""),
            ("bevinding:governance", "Het bestuur is goed belegd."), ("aanbeveling:governance", "Leg de rol vast."), ("samenvatting", "Op orde."));
        Assert.AreEqual(HttpStatusCode.Redirect, saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.AreEqual($"{path}?melding=saved", saved.Headers.Location?.OriginalString);
        var page = await world.Analyst.GetStringAsync(new Uri($"{path}?melding=saved", UriKind.Relative));
        Assert.Contains("De bevindingen zijn opgeslagen.", page);
        Assert.Contains("name=\"versie\" value=\"1\"", page);
        var stored = await world.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{world.OwnId}/findings");
        Assert.AreEqual("Leg de rol vast.", stored.GetProperty("themes")[0].GetProperty("recommendation").GetString());

        // A second form opened before the save still says "no findings yet": it must not overwrite version 1.
        var stale = await Browser.PostFormAsync(world.Analyst, path, ("__RequestVerificationToken", token), ("versie", ""),
            ("bevinding:governance", "Andere tekst."));
        var html = await stale.Content.ReadAsStringAsync();
        Assert.AreEqual(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Een collega heeft de bevindingen intussen opgeslagen", html);
        Assert.Contains("Het bestuur is goed belegd.", html, "the colleague's text is shown");
        Assert.Contains(">Andere tekst.</textarea>", html, "what was typed stays");
        Assert.Contains("name=\"versie\" value=\"1\"", html, "saving again replaces version 1 knowingly");
        Assert.AreEqual(1, (await world.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{world.OwnId}/findings")).GetProperty("version").GetInt32());
    }

    [TestMethod]
    public async Task A_recommendation_without_a_finding_is_an_error_at_the_finding()
    {
        await using var app = new AuditApp();
        var world = await BureauWorld.SubmittedAsync(app);
        var path = $"/bureau/deelnames/{world.OwnId}/bevindingen";
        var token = await Browser.AntiforgeryAsync(world.Analyst, path);

        var response = await Browser.PostFormAsync(world.Analyst, path, ("__RequestVerificationToken", token), ("aanbeveling:governance", "Alleen advies."));
        var html = await response.Content.ReadAsStringAsync();

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("href=\"#bevinding-governance\"", html);
        Assert.Contains("aria-describedby=\"bevinding-governance-fout\" aria-invalid=\"true\"", html);
        Assert.AreEqual(HttpStatusCode.NotFound, (await world.Admin.GetAsync($"/api/v1/participations/{world.OwnId}/findings")).StatusCode);
    }
}
