using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Questionnaires;

[TestClass]
public sealed class QuestionnairesApiTests
{
    private const string Yaml = """
        key: pilot
        version: "1"
        title: Pilot
        themes:
          - key: governance
            title: Governance
            questions:
              - key: governance.coordinator
                type: yes_no
                text: Is er een coördinator?
                required: true
                norm: "yes"
        """;

    private static StringContent Body(string text, string mediaType) => new(text, Encoding.UTF8, mediaType);

    [TestMethod]
    public async Task Both_shipped_versions_are_seeded()
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);

        var list = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires");
        var versions = list.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("version").GetString()).ToList();

        Assert.Contains("2023", versions);
        Assert.Contains("2025", versions);
        var v2023 = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/kennisveiligheid/versions/2023");
        Assert.AreEqual(9, v2023.GetProperty("definition").GetProperty("themes").GetArrayLength());
    }

    [TestMethod]
    public async Task A_yaml_upload_is_stored_a_repeat_is_harmless_and_a_changed_version_is_a_409()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var created = await admin.PostAsync("/api/v1/questionnaires", Body(Yaml, "application/yaml"));
        var repeated = await admin.PostAsync("/api/v1/questionnaires", Body(Yaml, "application/yaml"));
        var changed = await admin.PostAsync("/api/v1/questionnaires", Body(Yaml.Replace("title: Pilot", "title: Pilot 2", StringComparison.Ordinal), "application/yaml"));

        Assert.AreEqual(HttpStatusCode.Created, created.StatusCode, await created.Content.ReadAsStringAsync());
        Assert.AreEqual(HttpStatusCode.OK, repeated.StatusCode);
        await ProblemAssert.IsProblemAsync(changed, HttpStatusCode.Conflict);
        var stored = await created.Content.ReadFromJsonAsync<JsonElement>();
        var json = stored.GetProperty("definition").GetRawText();
        var fromJson = await admin.PostAsync("/api/v1/questionnaires", Body(json, "application/json"));
        Assert.AreEqual(HttpStatusCode.OK, fromJson.StatusCode, "the same definition as JSON is the same version");
    }

    [TestMethod]
    public async Task A_broken_definition_lists_every_error_by_path()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var broken = Yaml.Replace("type: yes_no", "type: colour", StringComparison.Ordinal).Replace("title: Pilot", "title: \"\"", StringComparison.Ordinal);

        var response = await admin.PostAsync("/api/v1/questionnaires", Body(broken, "application/yaml"));

        var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.IsTrue(errors.TryGetProperty("themes[0].questions[0].type", out _), errors.ToString());
        Assert.IsTrue(errors.TryGetProperty("title", out _), errors.ToString());
    }

    [TestMethod]
    public async Task Other_content_types_are_415()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        await ProblemAssert.IsProblemAsync(await admin.PostAsync("/api/v1/questionnaires", Body(Yaml, "text/plain")), HttpStatusCode.UnsupportedMediaType);
    }
}
