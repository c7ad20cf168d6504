using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Rounds;
using Audit.Core.Access;

namespace Audit.Api.Tests.Participations;

[TestClass]
public sealed class ParticipationsApiTests
{
    [TestMethod]
    public async Task Inviting_by_type_is_idempotent_and_respondents_see_only_their_own()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/rounds", RoundsApiTests.RoundBody("2023-universiteiten"));

        var first = await (await admin.PostAsJsonAsync("/api/v1/rounds/2023-universiteiten/participations", new { institutionTypes = new[] { "universiteit" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var again = await (await admin.PostAsJsonAsync("/api/v1/rounds/2023-universiteiten/participations", new { institutionTypes = new[] { "universiteit" } }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.AreEqual(14, first.GetProperty("created").GetArrayLength());
        Assert.AreEqual(0, again.GetProperty("created").GetArrayLength());
        Assert.AreEqual(14, again.GetProperty("items").GetArrayLength());
        var uva = first.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("institutionId").GetString() == "uva");
        Assert.AreEqual("invited", uva.GetProperty("status").GetString());
        Assert.AreEqual("universiteit", uva.GetProperty("institutionType").GetString());
        Assert.AreEqual(0, uva.GetProperty("answered").GetInt32());
        Assert.IsGreaterThan(30, uva.GetProperty("required").GetInt32());

        using var respondent = await app.ClientForAsync(Role.Respondent, "uva");
        var list = await respondent.GetFromJsonAsync<JsonElement>("/api/v1/rounds/2023-universiteiten/participations");
        Assert.AreEqual("uva", list.GetProperty("items").EnumerateArray().Single().GetProperty("institutionId").GetString());
        var vu = first.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("institutionId").GetString() == "vu").GetProperty("id").GetString();
        await ProblemAssert.IsProblemAsync(await respondent.GetAsync($"/api/v1/participations/{vu}"), HttpStatusCode.NotFound);
        Assert.AreEqual(HttpStatusCode.OK, (await respondent.GetAsync($"/api/v1/participations/{uva.GetProperty("id").GetString()}")).StatusCode);
    }

    [TestMethod]
    public async Task Unknown_institutions_invite_nobody_and_are_all_listed()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/rounds", RoundsApiTests.RoundBody("r"));

        var response = await admin.PostAsJsonAsync("/api/v1/rounds/r/participations", new { institutionIds = new[] { "uva", "nope", "nada" } });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("nope", problem.GetProperty("detail").GetString()!);
        Assert.Contains("nada", problem.GetProperty("detail").GetString()!);
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r/participations");
        Assert.AreEqual(0, list.GetProperty("total").GetInt32());
    }

    [TestMethod]
    [DataRow("""{"institutionIds":[null]}""", "institutionIds")]
    [DataRow("""{"institutionIds":["uva",null," "]}""", "institutionIds")]
    [DataRow("""{"institutionTypes":[null]}""", "institutionTypes")]
    public async Task Null_or_blank_items_in_the_invitee_lists_are_400_and_invite_nobody(string body, string field)
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        await admin.PostAsJsonAsync("/api/v1/rounds", RoundsApiTests.RoundBody("r"));

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await admin.PostAsync(new Uri("/api/v1/rounds/r/participations", UriKind.Relative), content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.IsTrue(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/rounds/r/participations");
        Assert.AreEqual(0, list.GetProperty("total").GetInt32());
    }
}
