using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Cli;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;

namespace Audit.Api.Tests.Cli;

[TestClass]
public sealed class CliVerbTests
{
    [TestMethod]
    public async Task Tokens_create_with_a_role_prints_a_working_token_once()
    {
        await using var app = new AuditApp();
        using var client = app.CreateClient();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await TokensCreateVerb.RunAsync(app.Services, ["--role", "analyst", "--name", "Ana Lyst", "--email", "ana@bureau.nl"], output, error);

        Assert.AreEqual(CliVerbs.Ok, exit, error.ToString());
        var token = output.ToString().Split('\n').Single(l => l.StartsWith("token: ", StringComparison.Ordinal))["token: ".Length..].Trim();
        Assert.StartsWith(AccessTokens.Prefix, token);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative));
        Assert.AreEqual("analyst", me.GetProperty("role").GetString());
        Assert.AreEqual("ana@bureau.nl", me.GetProperty("email").GetString());
    }

    [TestMethod]
    public async Task Tokens_create_for_a_respondent_requires_an_institution()
    {
        await using var app = new AuditApp();
        using var client = app.CreateClient();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await TokensCreateVerb.RunAsync(app.Services, ["--role", "respondent"], output, error);

        Assert.AreEqual(CliVerbs.Usage, exit);
        Assert.Contains("--institution", error.ToString());
        Assert.DoesNotContain("token:", output.ToString());
    }

    [TestMethod]
    public async Task Tokens_create_for_an_unknown_user_fails()
    {
        await using var app = new AuditApp();
        using var client = app.CreateClient();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await TokensCreateVerb.RunAsync(app.Services, ["--user", "nobody"], output, error);

        Assert.AreEqual(CliVerbs.Failed, exit);
        Assert.Contains("nobody", error.ToString());
        Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }
}
