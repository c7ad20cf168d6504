using System.Net;
using System.Reflection;
using System.Text;
using Audit.Api.Tests.Infrastructure;
using Audit.Core.Access;
using Audit.Core.Institutions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Problems;

/// <summary>Findings of the outside probe (issue 16): each request shape that used to pass, 500 or mislead.</summary>
[TestClass]
public sealed class HostileRequestTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Expiry => DateTimeOffset.UtcNow.AddDays(30).ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    [TestMethod]
    public async Task A_duplicate_json_property_is_400_not_last_one_wins()
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.PostAsync(new Uri($"/api/v1/users/{app.UserIds[admin]}/tokens", UriKind.Relative),
            Json($"{{\"expiresAt\":\"{Expiry}\",\"expiresAt\":\"{Expiry}\"}}"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [TestMethod]
    [DataRow("{\"expiresAt\":\"EXPIRY\",\"note\":{\"\\ud800\":1}}", "in a property name")]
    [DataRow("{\"expiresAt\":\"EXPIRY\",\"extra\":[\"a\\udc00b\"]}", "in a value")]
    public async Task A_lone_surrogate_anywhere_in_a_json_body_is_400_and_creates_nothing(string body, string where)
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var tokens = new Uri($"/api/v1/users/{app.UserIds[admin]}/tokens", UriKind.Relative);

        var trail = new Uri("/api/v1/audit-events?objectType=token", UriKind.Relative);
        var before = await admin.GetStringAsync(trail);

        var response = await admin.PostAsync(tokens, Json(body.Replace("EXPIRY", Expiry, StringComparison.Ordinal)));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("surrogate", problem.GetProperty("detail").GetString()!, where);
        Assert.AreEqual(before, await admin.GetStringAsync(trail), "no token was created");
    }

    [TestMethod]
    [DataRow("/api/v1/rounds/")]
    [DataRow("/api/v1/me/")]
    [DataRow("/api/v1/institutions/uva/")]
    public async Task An_api_path_with_a_trailing_slash_is_404(string path)
    {
        await using var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);

        var response = await admin.GetAsync(new Uri(path, UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [TestMethod]
    public async Task A_page_over_plain_http_outside_development_is_a_clear_400()
    {
        await using var app = new AuditApp();
        using var plain = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var page = await plain.GetAsync(new Uri("/aanmelden", UriKind.Relative));
        var health = await plain.GetAsync(new Uri("/health/live", UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(page, HttpStatusCode.BadRequest);
        Assert.Contains("HTTPS", problem.GetProperty("detail").GetString()!);
        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode, "health checks stay reachable for the load balancer");
    }

    [TestMethod]
    public async Task A_500_still_carries_the_security_headers()
    {
        await using var app = new AuditApp();
        var real = app.Services.GetRequiredService<IInstitutionRepository>();
        await using var failing = app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton(ThrowingProxy.Around(real, nameof(IInstitutionRepository.ListAsync)))));
        using var admin = failing.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", await Pages.Browser.UserWithTokenAsync(app, "Ada", Role.Admin));

        var response = await admin.GetAsync(new Uri("/api/v1/institutions", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.AreEqual("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.AreEqual("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.IsTrue(response.Headers.Contains("Content-Security-Policy"));
        Assert.IsTrue(response.Headers.Contains("Strict-Transport-Security"));
        Assert.AreEqual("1.0.0", response.Headers.GetValues("API-Version").Single());
    }

    /// <summary>A repository whose one method throws, as a bug would; the rest reach the real one.</summary>
    public class ThrowingProxy : DispatchProxy
    {
        private object _target = null!;
        private string _failing = "";

        public static T Around<T>(T target, string failing) where T : class
        {
            var proxy = Create<T, ThrowingProxy>();
            ((ThrowingProxy)(object)proxy)._target = target;
            ((ThrowingProxy)(object)proxy)._failing = failing;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod!.Name == _failing
                ? throw new InvalidOperationException($"{targetMethod.Name} failed (test double)")
                : targetMethod.Invoke(_target, args);
    }
}
