using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Audit.Drills.ScaleOut;

/// <summary>
/// A token revoked on web 1 is refused by web 2 within 2 s, although web 2 has it in its per-process token cache:
/// the revocation sequence in the database is what tells web 2 (issue 21, section 1).
/// </summary>
public static class RevocationCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(ServiceProcess web1, ServiceProcess web2, DrillLog log)
    {
        using var admin1 = web1.Client();
        // An institution of its own: a contact of an institution in the drill's round would receive its review mail too.
        const string institutionId = "drill-revocation";
        await DrillApi.PostAsync(admin1, "/api/v1/institutions", new { id = institutionId, name = "Drill revocation", type = "overig", city = "Utrecht" });
        var (userId, token, tokenId) = await DrillApi.RespondentAsync(admin1, institutionId, "revocation@example.org");
        using var user2 = web2.Client(token);
        for (var i = 0; i < 3; i++) // a few uses, so web 2 surely serves it from its cache
        {
            await DrillApi.GetAsync(user2, "/api/v1/me");
        }

        await DrillApi.SendAsync(admin1, HttpMethod.Delete, $"/api/v1/users/{userId}/tokens/{tokenId}", null, HttpStatusCode.NoContent, HttpStatusCode.OK);
        var sinceRevoked = Stopwatch.StartNew();

        // The property, stated so that a slow machine cannot fail it falsely: no request that STARTS more than 2 s after
        // the revocation is served. Requests that start earlier may go either way.
        TimeSpan? firstRefused = null;
        while (firstRefused is null)
        {
            var started = sinceRevoked.Elapsed;
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await user2.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                firstRefused = started;
            }
            else if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new DrillFailure($"GET /api/v1/me on web 2 with the revoked token gave {(int)response.StatusCode}.");
            }
            else if (started > Limit)
            {
                throw new DrillFailure($"Web 2 still served a token revoked on web 1 {started.TotalMilliseconds:0} ms after the revocation (limit {Limit.TotalSeconds:0} s).");
            }
            else
            {
                await Task.Delay(50);
            }
        }
        log.Line($"a token revoked on web {web1.Pid} was refused by web {web2.Pid} (which had it cached) {firstRefused.Value.TotalMilliseconds:0} ms after the revocation (limit 2 s)");
    }
}
