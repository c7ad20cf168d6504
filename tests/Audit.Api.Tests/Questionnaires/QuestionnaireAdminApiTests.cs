using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Rounds;
using Audit.Core.Access;

namespace Audit.Api.Tests.Questionnaires;

/// <summary>What the questionnaire pages need of the API: errors with their lines, a 409 that names the rounds, and the differences.</summary>
[TestClass]
public sealed class QuestionnaireAdminApiTests
{
    internal const string Pilot = """
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
              - key: governance.policy
                type: single_choice
                text: Is er beleid?
                options:
                  - key: none
                    label: Geen
                  - key: draft
                    label: Concept
              - key: governance.dropped
                type: text
                text: Wordt geschrapt
        """;

    internal const string PilotTwo = """
        key: pilot
        version: "2"
        title: Pilot
        themes:
          - key: governance
            title: Governance
            questions:
              - key: governance.coordinator
                type: maturity
                text: Is er een coördinator?
              - key: governance.policy
                type: single_choice
                text: Is er vastgesteld beleid?
                options:
                  - key: none
                    label: Geen beleid
                  - key: adopted
                    label: Vastgesteld
              - key: governance.new
                type: number
                text: Hoeveel mensen?
        """;

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [TestMethod]
    public async Task Every_error_names_its_path_and_its_line_in_yaml_and_in_json()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var broken = Pilot.Replace("type: yes_no", "type: colour", StringComparison.Ordinal).Replace("title: Pilot", "title: \"\"", StringComparison.Ordinal);

        var yaml = await ProblemAssert.IsProblemAsync(await admin.PostAsync("/api/v1/questionnaires", Yaml(broken)), HttpStatusCode.BadRequest);
        var json = await ProblemAssert.IsProblemAsync(await admin.PostAsync("/api/v1/questionnaires", new StringContent(
            "{\n  \"key\": \"pilot\",\n  \"version\": \"1\",\n  \"title\": \"\",\n  \"themes\": []\n}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        var errors = yaml.GetProperty("errors");
        Assert.HasCount(2, errors.EnumerateObject(), errors.ToString());
        Assert.StartsWith("line 3: ", errors.GetProperty("title")[0].GetString());
        Assert.StartsWith("line 9: ", errors.GetProperty("themes[0].questions[0].type")[0].GetString());
        Assert.StartsWith("line 4: ", json.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.StartsWith("line 5: ", json.GetProperty("errors").GetProperty("themes")[0].GetString());
        Assert.IsEmpty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires")).GetProperty("items").EnumerateArray()
            .Where(q => q.GetProperty("key").GetString() == "pilot").ToList(), "a refused upload stores nothing");
    }

    [TestMethod]
    public async Task A_version_a_round_uses_cannot_be_replaced_and_the_409_names_the_round()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        Assert.AreEqual(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/rounds", RoundsApiTests.RoundBody("r-in-use"))).StatusCode);
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/kennisveiligheid/versions/2023");

        var replaced = await admin.PostAsync("/api/v1/questionnaires", Yaml(Pilot.Replace("key: pilot", "key: kennisveiligheid", StringComparison.Ordinal)
            .Replace("version: \"1\"", "version: \"2023\"", StringComparison.Ordinal)));

        var problem = await ProblemAssert.IsProblemAsync(replaced, HttpStatusCode.Conflict);
        Assert.Contains("r-in-use", problem.GetProperty("detail").GetString()!);
        Assert.AreEqual("r-in-use", problem.GetProperty("rounds")[0].GetString());
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/kennisveiligheid/versions/2023");
        Assert.AreEqual(before.GetProperty("contentHash").GetString(), after.GetProperty("contentHash").GetString());
    }

    [TestMethod]
    public async Task The_differences_list_added_removed_and_changed_type_text_and_options()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var ministry = await app.ClientForAsync(Role.Ministry);
        await admin.PostAsync("/api/v1/questionnaires", Yaml(Pilot));
        await admin.PostAsync("/api/v1/questionnaires", Yaml(PilotTwo));

        var d = await ministry.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/pilot/versions/2/differences?from=1");

        Assert.AreEqual("1", d.GetProperty("from").GetString());
        Assert.AreEqual("governance.new", d.GetProperty("added")[0].GetProperty("key").GetString());
        Assert.AreEqual("governance.dropped", d.GetProperty("removed")[0].GetProperty("key").GetString());
        var changed = d.GetProperty("changed").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!);
        Assert.AreEqual("yes_no", changed["governance.coordinator"].GetProperty("olderType").GetString());
        Assert.AreEqual("maturity", changed["governance.coordinator"].GetProperty("newerType").GetString());
        var policy = changed["governance.policy"];
        Assert.AreEqual("Is er vastgesteld beleid?", policy.GetProperty("newerText").GetString());
        Assert.AreEqual("adopted", policy.GetProperty("optionsAdded")[0].GetString());
        Assert.AreEqual("draft", policy.GetProperty("optionsRemoved")[0].GetString());
        Assert.AreEqual("none", policy.GetProperty("optionsRelabelled")[0].GetString());
        Assert.AreEqual(0, d.GetProperty("unchanged").GetInt32());
    }

    [TestMethod]
    public async Task Differences_need_an_existing_earlier_version_and_an_existing_version()
    {
        await using var app = new AuditApp();
        using var analyst = await app.ClientForAsync(Role.Analyst);

        var missing = await ProblemAssert.IsProblemAsync(
            await analyst.GetAsync("/api/v1/questionnaires/kennisveiligheid/versions/2025/differences"), HttpStatusCode.BadRequest);
        var unknown = await ProblemAssert.IsProblemAsync(
            await analyst.GetAsync("/api/v1/questionnaires/kennisveiligheid/versions/2025/differences?from=1999"), HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblemAsync(await analyst.GetAsync("/api/v1/questionnaires/nope/versions/1/differences?from=2023"), HttpStatusCode.NotFound);
        var real = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires/kennisveiligheid/versions/2025/differences?from=2023");

        Assert.IsTrue(missing.GetProperty("errors").TryGetProperty("from", out _));
        Assert.IsTrue(unknown.GetProperty("errors").TryGetProperty("from", out _));
        Assert.IsGreaterThan(0, real.GetProperty("unchanged").GetInt32() + real.GetProperty("changed").GetArrayLength());
    }
}
