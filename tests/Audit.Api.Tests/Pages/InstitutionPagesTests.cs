using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Invitations;
using Audit.Application.Invitations;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>The registry pages: the list, an institution's contact persons, the two-step CSV import and the dashboard's link.</summary>
[TestClass]
public sealed partial class InstitutionPagesTests
{
    private const string Token = "__RequestVerificationToken";

    [GeneratedRegex("name=\"inhoud\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex CarriedContent();

    private static async Task<HttpClient> BrowserAsync(AuditApp app, Role role = Role.Analyst)
    {
        var browser = Browser.For(app);
        browser.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(app, "Ada Analist", role));
        return browser;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string page, string action, params (string Name, string Value)[] fields) =>
        await Browser.PostFormAsync(browser, action, [(Token, await Browser.AntiforgeryAsync(browser, page)), .. fields]);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string kind, string csv)
    {
        const string path = "/bureau/instellingen/importeren";
        var form = new MultipartFormDataContent
        {
            { new StringContent(await Browser.AntiforgeryAsync(browser, path)), Token },
            { new StringContent(kind), "soort" },
            { new StringContent("controleren"), "stap" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "bestand", "contactpersonen.csv" },
        };
        return await browser.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    private static async Task<string> FollowAsync(HttpClient browser, HttpResponseMessage redirect)
    {
        Assert.AreEqual(HttpStatusCode.Redirect, redirect.StatusCode, await redirect.Content.ReadAsStringAsync());
        return await browser.GetStringAsync(redirect.Headers.Location);
    }

    [TestMethod]
    public async Task The_registry_filters_by_name_and_type_and_shows_who_has_no_contact()
    {
        await using var app = new AuditApp();
        using var analyst = await BrowserAsync(app);

        var all = await analyst.GetStringAsync("/bureau/instellingen");
        var amsterdam = await analyst.GetStringAsync("/bureau/instellingen?naam=amsterdam&type=universiteit");

        Assert.Contains("84 van 84 instellingen", all);
        Assert.DoesNotContain("/bureau/instellingen/nieuw", all, "adding an institution is an admin's");
        Assert.Contains("href=\"/bureau/instellingen/importeren\"", all);
        Assert.Contains("2 van 2 instellingen", amsterdam);
        Assert.Contains("href=\"/bureau/instellingen/uva\"", amsterdam);
        Assert.Contains("href=\"/bureau/instellingen/uva#contactpersonen\"", amsterdam);
        Assert.Contains("84 of 84 institutions", await analyst.GetStringAsync("/bureau/instellingen?lang=en"));
    }

    [TestMethod]
    public async Task A_contact_is_added_after_the_errors_are_fixed_and_then_deactivated()
    {
        await using var app = new AuditApp();
        using var analyst = await BrowserAsync(app);
        const string page = "/bureau/instellingen/uva";

        var invalid = await PostAsync(analyst, page, page + "/contactpersonen", ("naam", ""), ("email", "geen adres"));

        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#contact-naam\"", html);
        Assert.Contains("href=\"#contact-email\"", html);
        Assert.Contains("value=\"geen adres\"", html, "what was typed comes back");
        Assert.Contains("aria-describedby=\"contact-email-fout\"", html);

        var added = await FollowAsync(analyst, await PostAsync(analyst, page, page + "/contactpersonen", ("naam", "Anna de Vries"), ("email", "anna@uva.nl")));
        Assert.Contains("De contactpersoon is toegevoegd.", added);
        Assert.Contains("anna@uva.nl", added);
        var contactId = ContactIdIn(added);

        var deactivated = await FollowAsync(analyst, await PostAsync(analyst, page, $"{page}/contactpersonen/{contactId}", ("actief", "nee")));
        Assert.Contains("De contactpersoon is gedeactiveerd.", deactivated);
        Assert.Contains(">Activeren<", deactivated);

        var taken = await PostAsync(analyst, "/bureau/instellingen/vu", "/bureau/instellingen/vu/contactpersonen", ("naam", "Anna"), ("email", "ANNA@uva.nl"));
        Assert.AreEqual(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("Dit e-mailadres hoort al bij een andere gebruiker.", await taken.Content.ReadAsStringAsync());
    }

    private static string ContactIdIn(string html)
    {
        var match = Regex.Match(html, "/contactpersonen/(?<id>u_[A-Za-z0-9_-]+)/uitnodiging");
        Assert.IsTrue(match.Success, "the page has a re-invite button");
        return match.Groups["id"].Value;
    }

    [TestMethod]
    public async Task Re_inviting_from_the_page_mails_a_new_link_and_says_so()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var analyst = await BrowserAsync(app);
        var chris = world.Contacts[RoundMailWorld.Vu][0];
        const string page = "/bureau/instellingen/vu";

        var done = await FollowAsync(analyst, await PostAsync(analyst, page, $"{page}/contactpersonen/{chris.Id}/uitnodiging"));

        Assert.Contains("Er is een nieuwe uitnodiging verstuurd voor 1 open ronde(s).", done);
        Assert.IsNotNull(await world.OutboxAsync(SendRoundInvitations.DedupeKey(world.RoundId, chris.Id, 1)));
        var none = await FollowAsync(analyst, await PostAsync(analyst, "/bureau/instellingen/rug", "/bureau/instellingen/rug/contactpersonen", ("naam", "R"), ("email", "r@rug.nl")));
        var refused = await FollowAsync(analyst, await PostAsync(analyst, "/bureau/instellingen/rug", $"/bureau/instellingen/rug/contactpersonen/{ContactIdIn(none)}/uitnodiging"));
        Assert.Contains("neemt niet deel aan een open ronde", refused);
    }

    [TestMethod]
    public async Task Contacts_are_imported_in_two_steps_and_a_file_with_errors_cannot_be_applied()
    {
        await using var app = new AuditApp();
        using var analyst = await BrowserAsync(app);
        const string csv = "institutionId;name;email\nuva;Anna de Vries;anna@uva.nl\nvu;Chris Bakker;chris@vu.nl\n";

        var checkedPage = await UploadAsync(analyst, "contactpersonen", csv);

        Assert.AreEqual(HttpStatusCode.OK, checkedPage.StatusCode);
        var html = await checkedPage.Content.ReadAsStringAsync();
        Assert.Contains("2 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 met een fout.", html);
        var carried = CarriedContent().Match(html);
        Assert.IsTrue(carried.Success, "the checked file is carried to the import button");
        Assert.IsEmpty(await ContactsAsync(app, "uva"), "checking wrote nothing");

        var imported = await FollowAsync(analyst, await PostAsync(analyst, "/bureau/instellingen/importeren", "/bureau/instellingen/importeren",
            ("soort", "contactpersonen"), ("inhoud", WebUtility.HtmlDecode(carried.Groups["value"].Value)), ("stap", "importeren")));

        Assert.Contains("Import voltooid: 2 nieuw, 0 gewijzigd, 0 ongewijzigd.", imported);
        Assert.HasCount(1, await ContactsAsync(app, "uva"));
        var again = await (await UploadAsync(analyst, "contactpersonen", csv)).Content.ReadAsStringAsync();
        Assert.Contains("0 nieuw, 0 gewijzigd, 2 ongewijzigd, 0 met een fout.", again);
        Assert.IsFalse(CarriedContent().IsMatch(again), "a file that changes nothing has no import button");

        var broken = await (await UploadAsync(analyst, "contactpersonen", "institutionId;name;email\nnergens;X;x@x.nl\n")).Content.ReadAsStringAsync();
        Assert.Contains("institution &#39;nergens&#39; does not exist", broken);
        Assert.IsFalse(CarriedContent().IsMatch(broken), "a file with an error has no import button");
        var noFile = await PostAsync(analyst, "/bureau/instellingen/importeren", "/bureau/instellingen/importeren", ("soort", "contactpersonen"), ("stap", "importeren"));
        Assert.AreEqual(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Contains("href=\"#bestand\"", await noFile.Content.ReadAsStringAsync());
    }

    private static async Task<List<JsonElement>> ContactsAsync(AuditApp app, string institutionId)
    {
        using var admin = await app.ClientForAsync(Role.Admin);
        return [.. (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{institutionId}/contacts")).GetProperty("items").EnumerateArray()];
    }

    [TestMethod]
    public async Task An_admin_adds_an_institution_and_edits_it_and_an_analyst_may_not()
    {
        await using var app = new AuditApp();
        using var admin = await BrowserAsync(app, Role.Admin);
        using var analyst = await BrowserAsync(app);
        const string page = "/bureau/instellingen/nieuw";

        var invalid = await PostAsync(admin, page, page, ("id", "Fout Id"), ("naam", ""), ("type", ""), ("brin", "x"), ("plaats", ""));
        Assert.AreEqual(HttpStatusCode.BadRequest, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        foreach (var field in new[] { "id", "naam", "type", "brin" })
        {
            Assert.Contains($"href=\"#{field}\"", html);
        }

        var created = await FollowAsync(admin, await PostAsync(admin, page, page, ("id", "lab-x"), ("naam", "Lab X"), ("type", "overig"), ("brin", ""), ("plaats", "Delft")));
        Assert.Contains("De instelling is toegevoegd.", created);
        var saved = await FollowAsync(admin, await PostAsync(admin, "/bureau/instellingen/lab-x", "/bureau/instellingen/lab-x",
            ("naam", "Lab Y"), ("type", "overig"), ("brin", "12AB"), ("plaats", "Delft"), ("actief", "nee")));
        Assert.Contains("<h1 class=\"utrecht-heading-1\">Lab Y</h1>", saved);
        Assert.Contains("12AB", saved);

        Assert.AreEqual(HttpStatusCode.Forbidden, (await analyst.GetAsync(page)).StatusCode);
        Assert.AreEqual(HttpStatusCode.Forbidden, (await PostAsync(analyst, "/bureau/instellingen/lab-x", "/bureau/instellingen/lab-x",
            ("naam", "Z"), ("type", "overig"))).StatusCode);
        Assert.DoesNotContain("id=\"wijzigen\"", await analyst.GetStringAsync("/bureau/instellingen/lab-x"));
    }

    [TestMethod]
    public async Task After_sending_invitations_the_dashboard_links_to_the_institutions_without_a_contact()
    {
        await using var app = new AuditApp();
        var world = await RoundMailWorld.CreateAsync(app);
        using var analyst = await BrowserAsync(app);
        var dashboard = $"/bureau/rondes/{world.RoundId}";

        var back = await FollowAsync(analyst, await PostAsync(analyst, dashboard, dashboard + "/uitnodigingen"));

        var link = $"/bureau/instellingen?ronde={world.RoundId}";
        Assert.Contains($"href=\"{link}\"", back);
        var list = await analyst.GetStringAsync(link);
        Assert.Contains("href=\"/bureau/instellingen/eur\"", list);
        Assert.DoesNotContain("href=\"/bureau/instellingen/uva\"", list);
        Assert.Contains("1 van 1 instellingen", list);
        Assert.AreEqual(HttpStatusCode.NotFound, (await analyst.GetAsync("/bureau/instellingen?ronde=bestaat-niet")).StatusCode);
    }
}
