using System.Net;
using System.Net.Http.Json;
using static System.Net.HttpStatusCode;

namespace Audit.Api.Tests.Access;

/// <summary>
/// Who may call what. Each row names an endpoint as mapped ("METHOD /pattern"), how to call it in the
/// matrix world, and the status each caller gets. Bodies are deliberately minimal: an allowed caller
/// gets past authorisation to validation (400) or to the resource, a refused one never gets that far.
/// </summary>
public static class AuthorizationMatrix
{
    public sealed record Row(string Endpoint, Func<MatrixWorld, HttpRequestMessage> Request, IReadOnlyDictionary<Caller, HttpStatusCode> Expected);

    private static Dictionary<Caller, HttpStatusCode> Expect(
        HttpStatusCode anonymous, HttpStatusCode admin, HttpStatusCode analyst, HttpStatusCode ownRespondent,
        HttpStatusCode otherRespondent, HttpStatusCode ministry) => new()
        {
            [Caller.Anonymous] = anonymous,
            [Caller.Admin] = admin,
            [Caller.Analyst] = analyst,
            [Caller.OwnRespondent] = ownRespondent,
            [Caller.OtherRespondent] = otherRespondent,
            [Caller.Ministry] = ministry,
        };

    /// <summary>Same status for everyone (public endpoints).</summary>
    private static Dictionary<Caller, HttpStatusCode> Everyone(HttpStatusCode status) => Expect(status, status, status, status, status, status);

    /// <summary>Admins only; everyone else signed in is forbidden.</summary>
    private static Dictionary<Caller, HttpStatusCode> AdminOnly(HttpStatusCode allowed) => Expect(Unauthorized, allowed, Forbidden, Forbidden, Forbidden, Forbidden);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Send(HttpMethod method, string url, object? body = null) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body) };

    private static HttpRequestMessage Form(string url) => new(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([]) };

    public static IReadOnlyList<Row> Rows { get; } =
    [
        // Operations and documentation: public.
        new("GET /health/live", _ => Get("/health/live"), Everyone(OK)),
        new("GET /health/ready", _ => Get("/health/ready"), Everyone(OK)),
        new("GET /api/v1/openapi.json", _ => Get("/api/v1/openapi.json"), Everyone(OK)),

        // Access.
        new("GET /api/v1/me", _ => Get("/api/v1/me"), Expect(Unauthorized, OK, OK, OK, OK, OK)),
        new("GET /uitnodiging/{token}", _ => Get("/uitnodiging/aud_unknown"), Everyone(OK)),
        new("POST /uitnodiging/{token}", _ => Form("/uitnodiging/aud_unknown"), Everyone(BadRequest)),
        // Bearer callers have no session to end; the redirect is the answer for everyone signed in.
        new("POST /afmelden", _ => Form("/afmelden"), Expect(Unauthorized, Redirect, Redirect, Redirect, Redirect, Redirect)),
        new("GET /api/v1/users", _ => Get("/api/v1/users"), AdminOnly(OK)),
        new("POST /api/v1/users", _ => Send(HttpMethod.Post, "/api/v1/users", new { }), AdminOnly(BadRequest)),
        new("GET /api/v1/users/{id}", w => Get($"/api/v1/users/{w.SubjectUserId}"), AdminOnly(OK)),
        new("PATCH /api/v1/users/{id}", w => Send(HttpMethod.Patch, $"/api/v1/users/{w.SubjectUserId}", new { name = "" }), AdminOnly(BadRequest)),
        new("POST /api/v1/users/{id}/tokens", w => Send(HttpMethod.Post, $"/api/v1/users/{w.SubjectUserId}/tokens", new { expiresAt = "2000-01-01T00:00:00Z" }), AdminOnly(BadRequest)),
        new("DELETE /api/v1/users/{id}/tokens/{tokenId}", w => Send(HttpMethod.Delete, $"/api/v1/users/{w.SubjectUserId}/tokens/t_unknown"), AdminOnly(NotFound)),
        new("POST /api/v1/users/{id}/invitations", _ => Send(HttpMethod.Post, "/api/v1/users/u_unknown/invitations"), AdminOnly(NotFound)),
        new("GET /api/v1/audit-events", _ => Get("/api/v1/audit-events?pageSize=0"), AdminOnly(BadRequest)),

        // Web pages. The token sign-in form is off outside Development unless configured, so its POST is 404 here.
        new("GET /", _ => Get("/"), Everyone(OK)),
        new("GET /aanmelden", _ => Get("/aanmelden"), Everyone(OK)),
        new("POST /aanmelden", _ => Form("/aanmelden"), Everyone(NotFound)),
        new("GET /toegankelijkheid", _ => Get("/toegankelijkheid"), Everyone(OK)),
        new("GET /mijn-gegevens", _ => Get("/mijn-gegevens"), Expect(Unauthorized, OK, OK, OK, OK, OK)),
    ];
}
