using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Institutions;

/// <summary>The CSV imports: per-line outcomes, dry run by default, all or nothing, and a second import changes nothing.</summary>
[TestClass]
public sealed class ImportsApiTests
{
    private const string Contacts = "/api/v1/contact-imports";
    private const string Institutions = "/api/v1/institution-imports";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string csv, bool? dryRun = null) =>
        PostAsync(client, path, Encoding.UTF8.GetBytes(csv), dryRun);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, byte[] csv, bool? dryRun = null)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new("text/csv") { CharSet = "utf-8" };
        return client.PostAsync(dryRun is { } d ? $"{path}?dryRun={(d ? "true" : "false")}" : path, content);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Outcomes(JsonElement report) =>
        [.. report.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("outcome").GetString()!)];

    private static async Task<List<JsonElement>> ContactsOfAsync(HttpClient client, string institutionId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{institutionId}/contacts")).GetProperty("items").EnumerateArray()];

    private static async Task<long> EventsAsync(AuditApp app, string action) =>
        (await app.Services.GetRequiredService<IAuditEventRepository>().QueryAsync(new AuditEventQuery(), new Core.Paging.PageRequest(1, 500)))
            .Items.Count(e => e.Action == action);

    [TestMethod]
    public async Task A_dry_run_is_the_default_and_writes_nothing_then_the_import_writes_and_a_second_import_changes_nothing()
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);
        const string csv = "institutionId;name;email\nuva;Anna de Vries;anna@uva.nl\nvu;Chris Bakker;Chris@VU.nl\n";

        var dry = await OkAsync(await PostAsync(analyst, Contacts, csv));

        Assert.IsTrue(dry.GetProperty("dryRun").GetBoolean());
        Assert.IsFalse(dry.GetProperty("applied").GetBoolean());
        Assert.AreSequenceEqual(new[] { "created", "created" }, Outcomes(dry));
        Assert.AreEqual(2, dry.GetProperty("totals").GetProperty("created").GetInt32());
        Assert.AreEqual("Chris Bakker <chris@vu.nl>, vu", dry.GetProperty("lines")[1].GetProperty("about").GetString(),
            "a new contact has no id yet: the line says who it is");
        Assert.IsEmpty(await ContactsOfAsync(analyst, "uva"));
        var usersBefore = await EventsAsync(app, "user.created");

        var real = await OkAsync(await PostAsync(analyst, Contacts, csv, dryRun: false));

        Assert.IsTrue(real.GetProperty("applied").GetBoolean());
        var anna = (await ContactsOfAsync(analyst, "uva")).Single();
        Assert.AreEqual(anna.GetProperty("id").GetString(), real.GetProperty("lines")[0].GetProperty("id").GetString());
        Assert.AreEqual("chris@vu.nl", (await ContactsOfAsync(analyst, "vu")).Single().GetProperty("email").GetString());
        Assert.AreEqual(usersBefore + 2, await EventsAsync(app, "user.created"));

        var again = await OkAsync(await PostAsync(analyst, Contacts, csv.Replace(';', ','), dryRun: false));
        Assert.AreSequenceEqual(new[] { "unchanged", "unchanged" }, Outcomes(again));
        Assert.AreEqual(anna.GetProperty("id").GetString(), again.GetProperty("lines")[0].GetProperty("id").GetString());
        Assert.AreEqual(usersBefore + 2, await EventsAsync(app, "user.created"), "the second import wrote nothing");

        var renamed = await OkAsync(await PostAsync(analyst, Contacts, "institutionId;name;email\nuva;Anna Jansen;ANNA@uva.nl\n", dryRun: false));
        Assert.AreSequenceEqual(new[] { "updated" }, Outcomes(renamed));
        Assert.AreEqual("Anna Jansen", (await ContactsOfAsync(analyst, "uva")).Single().GetProperty("name").GetString());
    }

    [TestMethod]
    public async Task A_malformed_file_gets_an_error_per_line_and_an_import_of_it_writes_nothing()
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);
        var csv = Encoding.UTF8.GetBytes(
            "institutionId;name;email\nuva;Anna;anna@uva.nl\nnergens;Iemand;iemand@x.nl\nuva;Anna;anna@uva.nl\nvu;Bram\nvu;Kees;kees@vu.nl\n")
            .Concat(new byte[] { 0x76, 0x75, 0x3B, 0x4A, 0xF6, 0x72, 0x67, 0x3B, 0x6A, 0x40, 0x76, 0x75, 0x2E, 0x6E, 0x6C, 0x0A }).ToArray(); // "vu;Jörg;j@vu.nl" in Latin-1

        var dry = await OkAsync(await PostAsync(analyst, Contacts, csv));
        var refused = await ProblemAssert.IsProblemAsync(await PostAsync(analyst, Contacts, csv, dryRun: false), HttpStatusCode.BadRequest);

        Assert.AreSequenceEqual(new[] { "created", "error", "error", "error", "created", "error" }, Outcomes(dry));
        Assert.AreEqual(4, dry.GetProperty("totals").GetProperty("errors").GetInt32());
        var errors = refused.GetProperty("errors");
        foreach (var line in new[] { 3, 4, 5, 7 })
        {
            Assert.IsTrue(errors.TryGetProperty($"line {line}", out _), $"line {line}: {errors}");
        }
        Assert.AreSequenceEqual(Outcomes(dry), Outcomes(refused));
        Assert.IsEmpty(await ContactsOfAsync(analyst, "uva"), "nothing was written, not even the good lines");
        Assert.IsEmpty(await ContactsOfAsync(analyst, "vu"));
    }

    [TestMethod]
    [DataRow("institutionId;naam;email")]
    [DataRow("institutionId;name")]
    [DataRow("id;name;type;brin;city")]
    public async Task Wrong_columns_are_an_error_on_line_1(string header)
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);

        var dry = await OkAsync(await PostAsync(analyst, Contacts, header + "\nuva;Anna;anna@uva.nl\n"));

        var line = dry.GetProperty("lines").EnumerateArray().Single();
        Assert.AreEqual(1, line.GetProperty("line").GetInt32());
        Assert.AreEqual("error", line.GetProperty("outcome").GetString());
        Assert.Contains("institutionId;name;email", line.GetProperty("errors")[0].GetString()!);
        await ProblemAssert.IsProblemAsync(await PostAsync(analyst, Contacts, header + "\nuva;Anna;anna@uva.nl\n", dryRun: false), HttpStatusCode.BadRequest);
    }

    [TestMethod]
    public async Task Admins_import_institutions_by_id_and_the_same_file_twice_changes_nothing()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var analyst = await app.ClientForAsync(Role.Analyst);
        const string csv = "id,name,type,brin,city\nuva,Universiteit van Amsterdam,universiteit,21PK,Amsterdam\nlab-x,\"Lab X, Utrecht\",overig,,Utrecht\nvu,VU Amsterdam,universiteit,21PL,Amsterdam\n";

        var real = await OkAsync(await PostAsync(admin, Institutions, csv, dryRun: false));
        var again = await OkAsync(await PostAsync(admin, Institutions, csv, dryRun: false));

        Assert.AreSequenceEqual(new[] { "unchanged", "created", "updated" }, Outcomes(real));
        Assert.AreSequenceEqual(new[] { "unchanged", "unchanged", "unchanged" }, Outcomes(again));
        var lab = await admin.GetFromJsonAsync<JsonElement>("/api/v1/institutions/lab-x");
        Assert.AreEqual("Lab X, Utrecht", lab.GetProperty("name").GetString());
        Assert.AreEqual("VU Amsterdam", (await admin.GetFromJsonAsync<JsonElement>("/api/v1/institutions/vu")).GetProperty("name").GetString());
        await ProblemAssert.IsProblemAsync(await PostAsync(analyst, Institutions, csv), HttpStatusCode.Forbidden);
    }

    [TestMethod]
    public async Task Another_media_type_is_415_and_a_file_over_the_limit_is_413()
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);

        await ProblemAssert.IsProblemAsync(await analyst.PostAsJsonAsync(Contacts, new { csv = "x" }), HttpStatusCode.UnsupportedMediaType);
        var huge = "institutionId;name;email\n" + string.Concat(Enumerable.Repeat("uva;Anna;anna@uva.nl\n", 50_000));
        await ProblemAssert.IsProblemAsync(await PostAsync(analyst, Contacts, huge), HttpStatusCode.RequestEntityTooLarge);
    }
}
