using System.Net;
using System.Net.Http.Headers;
using Audit.Api.Access;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Access;

/// <summary>
/// The sign-in throttle stops floods of bad credentials without locking out valid ones. In the test server every
/// request comes from the same (unknown) address, like colleagues behind one NAT.
/// </summary>
[TestClass]
public sealed class SignInThrottleTests
{
    private static HttpClient WithBearer(AuditApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [TestMethod]
    public async Task A_bad_token_that_keeps_failing_is_refused_but_a_valid_token_from_the_same_address_passes()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var attacker = WithBearer(app, "aud_wrong");
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            Assert.AreEqual(HttpStatusCode.Unauthorized, (await attacker.GetAsync("/api/v1/me")).StatusCode);
        }

        await ProblemAssert.IsProblemAsync(await attacker.GetAsync("/api/v1/me"), HttpStatusCode.TooManyRequests);
        Assert.AreEqual(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode, "the admin is not locked out");
    }

    [TestMethod]
    public async Task An_address_sending_many_bad_tokens_gets_429_for_the_next_bad_one_while_valid_tokens_pass()
    {
        await using var app = new AuditApp();
        using var respondent = await app.ClientForAsync(Role.Analyst);
        for (var i = 0; i < SignInThrottle.MaxAddressFailures; i++)
        {
            using var guess = WithBearer(app, $"aud_guess{i}");
            Assert.AreEqual(HttpStatusCode.Unauthorized, (await guess.GetAsync("/api/v1/me")).StatusCode);
        }

        using var next = WithBearer(app, "aud_guess-next");
        var refused = await next.GetAsync("/api/v1/me");
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.IsTrue(refused.Headers.Contains("Retry-After"));
        Assert.AreEqual(HttpStatusCode.OK, (await respondent.GetAsync("/api/v1/me")).StatusCode, "a valid token passes");
    }

    [TestMethod]
    public async Task A_stale_session_cookie_is_dropped_and_never_counts_as_a_failure()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        using var browser = app.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = app.ClientOptions.BaseAddress });
        for (var i = 0; i < SignInThrottle.MaxAddressFailures + 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Add("Cookie", $"{SessionCookieHandler.CookieName}=ended-session-{i}");
            var response = await browser.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode, $"request {i}");
            Assert.IsTrue(response.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c => c.StartsWith(SessionCookieHandler.CookieName + "=;", StringComparison.Ordinal)), "the stale cookie is deleted");
        }
        Assert.AreEqual(0, app.Services.GetRequiredService<SignInThrottle>().Tracked, "nothing was counted");
        Assert.AreEqual(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/me")).StatusCode);
    }

    [TestMethod]
    public void Failures_expire_after_the_window_and_are_pruned()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            throttle.RecordFailure(context, "aud_wrong");
        }
        Assert.IsTrue(throttle.IsRefused("aud_wrong"));
        Assert.IsFalse(throttle.IsRefused("aud_other"), "only that credential");

        clock.Now += SignInThrottle.Window;
        Assert.IsFalse(throttle.IsRefused("aud_wrong"), "the window has passed");
        Assert.AreEqual(2, throttle.Tracked, "the address and the credential, until pruned");
        throttle.Prune(clock.Now);
        Assert.AreEqual(0, throttle.Tracked);
    }
}
