using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using static Audit.Api.Tests.Collection.CollectionFixture;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// An open round with uva and vu invited, set up through the API: uva's respondent answered everything (with one
/// evidence document) and submitted; vu did nothing. <see cref="Analyst"/> is a browser (HTML, cookies) signed in
/// with an analyst's bearer token.
/// </summary>
internal sealed class BureauWorld
{
    public const string QuestionKey = "governance.bestuurder";

    private BureauWorld(AuditApp app, HttpClient admin, HttpClient respondent, HttpClient analyst, string roundId, string own, string other)
    {
        (App, Admin, Respondent, Analyst, RoundId, OwnId, OtherId) = (app, admin, respondent, analyst, roundId, own, other);
    }

    public AuditApp App { get; }

    public HttpClient Admin { get; }

    public HttpClient Respondent { get; }

    public HttpClient Analyst { get; }

    public string RoundId { get; }

    /// <summary>uva's participation: submitted.</summary>
    public string OwnId { get; }

    /// <summary>vu's participation: invited, untouched.</summary>
    public string OtherId { get; }

    public static async Task<BureauWorld> SubmittedAsync(AuditApp app, string roundId = "2023-bureau")
    {
        var admin = await app.ClientForAsync(Role.Admin);
        var respondent = await app.ClientForAsync(Role.Respondent, Own);
        var (own, other) = await OpenRoundAsync(admin, roundId, daysToDeadline: 10);
        var questionnaire = await QuestionnaireAsync(app, "2023");
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 beleid"u8.ToArray()), "file", "beleid.pdf" } };
        var uploaded = await respondent.PostAsync($"{AnswersUrl(own)}/{QuestionKey}/evidence", upload);
        Assert.AreEqual(HttpStatusCode.Created, uploaded.StatusCode, await uploaded.Content.ReadAsStringAsync());
        await FillAndSubmitAsync(respondent, own, questionnaire);
        var analyst = Browser.For(app);
        analyst.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Ada Analist"));
        return new BureauWorld(app, admin, respondent, analyst, roundId, own, other);
    }

    public async Task<string> StatusOfAsync(string participationId) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/participations/{participationId}")).GetProperty("status").GetString()!;

    /// <summary>Posts the review form of <paramref name="participationId"/> with a fresh antiforgery field.</summary>
    public async Task<HttpResponseMessage> ReviewAsync(string participationId, string decision, params (string Name, string Value)[] fields)
    {
        var path = $"/bureau/deelnames/{participationId}/beoordeling";
        var token = await Browser.AntiforgeryAsync(Analyst, path);
        return await Browser.PostFormAsync(Analyst, path, [("__RequestVerificationToken", token), ("besluit", decision), .. fields]);
    }
}
