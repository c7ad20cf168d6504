using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.AuditTrail;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Access;

/// <summary>
/// The link an admin gets for a user is built on Audit:PublicBaseUrl: the request's Host header is whatever the caller
/// sends (AllowedHosts is "*"), and a link on someone else's host would hand them the one-time token.
/// </summary>
[TestClass]
public sealed class InvitationLinkTests
{
    [TestMethod]
    public async Task The_link_is_on_the_configured_address_whatever_host_the_request_names()
    {
        await using var app = new AuditApp();
        app.Settings["Audit:PublicBaseUrl"] = "https://audit.example.nl/";
        using var admin = await app.ClientForAsync(Role.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{app.UserIds[admin]}/invitations");
        request.Headers.Host = "evil.example";

        var response = await admin.SendAsync(request);

        Assert.AreEqual(HttpStatusCode.Created, response.StatusCode, await response.Content.ReadAsStringAsync());
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        Assert.StartsWith("https://audit.example.nl/uitnodiging/", url);
        Assert.AreEqual(url, response.Headers.Location?.OriginalString);
    }

    [TestMethod]
    public async Task Without_a_public_address_it_is_a_503_problem_and_no_invitation_is_made()
    {
        await using var app = new AuditApp();
        app.Settings["Audit:PublicBaseUrl"] = "";
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.PostAsync($"/api/v1/users/{app.UserIds[admin]}/invitations", null);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Audit:PublicBaseUrl", problem.GetProperty("detail").GetString()!);
        var trail = await app.Services.GetRequiredService<IAuditEventRepository>()
            .QueryAsync(new AuditEventQuery(ActorId: app.UserIds[admin]), new Core.Paging.PageRequest());
        Assert.DoesNotContain("invitation.created", trail.Items.Select(e => e.Action), "no token was stored");
    }
}
