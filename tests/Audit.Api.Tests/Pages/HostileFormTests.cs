using System.Net;
using System.Text;
using Audit.Core.Access;

namespace Audit.Api.Tests.Pages;

/// <summary>
/// Issue 16: a page post the form reader cannot read (over 1,024 fields, or a body that is not the declared encoding)
/// is the sender's fault. Every page that takes a form answers 400, never 500, and nothing changes.
/// </summary>
[TestClass]
public sealed class HostileFormTests
{
    private enum Who { Respondent, Session, Bureau }

    /// <summary>Every page POST route, for a respondent (uva) and the bureau, with a real participation and round.</summary>
    private static IEnumerable<(string Path, Who Who)> PagePosts(RespondentWorld world) =>
    [
        ("/aanmelden", Who.Respondent),
        ("/uitnodiging/onbekend", Who.Respondent),
        // Signing out reads the form (antiforgery) only for a session cookie; a bearer token has nothing to forge.
        ("/afmelden", Who.Session),
        (world.ThemePath, Who.Respondent),
        ($"/deelnames/{world.OwnId}/bewijs/governance.bestuurder", Who.Respondent),
        ($"/deelnames/{world.OwnId}/bewijs/governance.bestuurder/ev_x/verwijderen", Who.Respondent),
        ($"/deelnames/{world.OwnId}/indienen", Who.Respondent),
        ("/bureau/rondes/2023-pages/uitnodigingen", Who.Bureau),
        ("/bureau/rondes/2023-pages/rapporten", Who.Bureau),
        ($"/bureau/deelnames/{world.OwnId}/beoordeling", Who.Bureau),
        ($"/bureau/deelnames/{world.OwnId}/bevindingen", Who.Bureau),
    ];

    private static HttpContent TooManyFields(string antiforgery) => new FormUrlEncodedContent(
        [new("__RequestVerificationToken", antiforgery), .. Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"f{i}", "x"))]);

    /// <summary>Declared multipart, but the body is URL-encoded and never reaches a boundary.</summary>
    private static HttpContent NotTheDeclaredEncoding(string antiforgery)
    {
        var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(antiforgery)}&token=x", Encoding.ASCII);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=abc");
        return content;
    }

    /// <summary>Declared multipart without a boundary at all.</summary>
    private static HttpContent NoBoundary(string antiforgery)
    {
        var content = new StringContent($"__RequestVerificationToken={Uri.EscapeDataString(antiforgery)}", Encoding.ASCII);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        return content;
    }

    [TestMethod]
    public async Task Every_page_post_answers_an_unreadable_form_with_400()
    {
        await using var world = await RespondentWorld.CreateAsync();
        using var respondent = await world.BrowserAsync();
        using var bureau = await world.BrowserAsync(role: Role.Admin);
        using var session = await world.SessionAsync();
        var respondentToken = await RespondentWorld.TokenAsync(respondent, world.ThemePath);
        var bureauToken = await RespondentWorld.TokenAsync(bureau, $"/bureau/deelnames/{world.OwnId}/bevindingen");
        var answersBefore = await world.Admin.GetStringAsync($"/api/v1/participations/{world.OwnId}/answers");
        var failures = new List<string>();

        foreach (var (path, who) in PagePosts(world))
        {
            var (client, token) = who switch
            {
                Who.Bureau => (bureau, bureauToken),
                Who.Session => (session, await RespondentWorld.TokenAsync(session, world.ThemePath)),
                _ => (respondent, respondentToken),
            };
            foreach (var (kind, body) in new[]
            {
                ("over 1,024 fields", TooManyFields(token)), ("not the declared encoding", NotTheDeclaredEncoding(token)), ("no boundary", NoBoundary(token)),
            })
            {
                using var response = await client.PostAsync(new Uri(path, UriKind.Relative), body);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{path} ({kind}): {(int)response.StatusCode}");
                }
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
        Assert.AreEqual(answersBefore, await world.Admin.GetStringAsync($"/api/v1/participations/{world.OwnId}/answers"), "nothing changed");
    }
}
