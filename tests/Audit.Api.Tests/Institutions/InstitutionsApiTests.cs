using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Institutions;

[TestClass]
public sealed class InstitutionsApiTests
{
    [TestMethod]
    [DataRow("universiteit", 14)]
    [DataRow("hogeschool", 36)]
    [DataRow("nwo_instituut", 9)]
    [DataRow("knaw_instituut", 13)]
    [DataRow("to2_instituut", 5)]
    [DataRow("umc", 7)]
    public async Task The_registry_is_seeded_with_the_real_institutions(string type, int count)
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);

        var page = await analyst.GetFromJsonAsync<JsonElement>($"/api/v1/institutions?type={type}");

        Assert.AreEqual(count, page.GetProperty("total").GetInt32());
        Assert.IsTrue(page.GetProperty("items").EnumerateArray().All(i => i.GetProperty("type").GetString() == type));
    }

    [TestMethod]
    public async Task Admins_add_rename_and_deactivate_an_institution_and_its_id_stays()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var created = await admin.PostAsJsonAsync("/api/v1/institutions", new { id = "nioz-test", name = "Test", type = "nwo_instituut", city = "Texel" });
        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        var patched = await admin.PatchAsJsonAsync("/api/v1/institutions/nioz-test", new { name = "Nieuwe naam", active = false });

        var body = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.AreEqual("nioz-test", body.GetProperty("id").GetString());
        Assert.AreEqual("Nieuwe naam", body.GetProperty("name").GetString());
        Assert.IsFalse(body.GetProperty("active").GetBoolean());
        Assert.AreEqual("Texel", body.GetProperty("city").GetString());
        await ProblemAssert.IsProblemAsync(
            await admin.PostAsJsonAsync("/api/v1/institutions", new { id = "nioz-test", name = "Again", type = "umc" }), HttpStatusCode.Conflict);
    }

    [TestMethod]
    public async Task Invalid_institutions_list_every_field_and_unknown_type_filters_are_400()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/institutions", new { id = "Bad Id", name = "", type = "school", brin = "x" });

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "id", "name", "type", "brin" })
        {
            Assert.IsTrue(errors.TryGetProperty(field, out _), field);
        }
        await ProblemAssert.IsProblemAsync(await admin.GetAsync("/api/v1/institutions?type=school"), HttpStatusCode.BadRequest);
    }
}
