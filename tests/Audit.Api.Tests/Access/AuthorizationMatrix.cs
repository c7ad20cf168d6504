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

    /// <summary>Every signed-in caller gets the same status; anonymous is refused.</summary>
    private static Dictionary<Caller, HttpStatusCode> SignedIn(HttpStatusCode status) => Expect(Unauthorized, status, status, status, status, status);

    /// <summary>Admins only; everyone else signed in is forbidden.</summary>
    private static Dictionary<Caller, HttpStatusCode> AdminOnly(HttpStatusCode allowed) => Expect(Unauthorized, allowed, Forbidden, Forbidden, Forbidden, Forbidden);

    /// <summary>Only the institution's own respondents; another institution's, and the ministry, are told it does not exist.</summary>
    private static Dictionary<Caller, HttpStatusCode> RespondentWrite(HttpStatusCode allowed) => Expect(Unauthorized, Forbidden, Forbidden, allowed, NotFound, NotFound);

    /// <summary>Admins and analysts (the bureau).</summary>
    private static Dictionary<Caller, HttpStatusCode> BureauOnly(HttpStatusCode allowed) => Expect(Unauthorized, allowed, allowed, Forbidden, Forbidden, Forbidden);

    /// <summary>The bureau's confidential work (the deep-dive): anyone else signed in is told it does not exist (404), not forbidden.</summary>
    private static Dictionary<Caller, HttpStatusCode> BureauConfidential(HttpStatusCode allowed) => Expect(Unauthorized, allowed, allowed, NotFound, NotFound, NotFound);

    /// <summary>A bureau page: admins and analysts; respondents forbidden; the ministry is told there is nothing (404).</summary>
    private static Dictionary<Caller, HttpStatusCode> BureauPage(HttpStatusCode allowed) => Expect(Unauthorized, allowed, allowed, Forbidden, Forbidden, NotFound);

    /// <summary>An admin page of the bureau: admins only; analysts and respondents forbidden; the ministry is told there is nothing (404).</summary>
    private static Dictionary<Caller, HttpStatusCode> AdminPage(HttpStatusCode allowed) => Expect(Unauthorized, allowed, Forbidden, Forbidden, Forbidden, NotFound);

    /// <summary>A ministry page: the ministry only.</summary>
    private static Dictionary<Caller, HttpStatusCode> MinistryPage(HttpStatusCode allowed) => Expect(Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, allowed);

    /// <summary>Published statistics (reports, CSV): the bureau and the ministry; respondents are refused by role.</summary>
    private static Dictionary<Caller, HttpStatusCode> PublishedStatistics(HttpStatusCode allowed) => Expect(Unauthorized, allowed, allowed, Forbidden, Forbidden, allowed);

    /// <summary>A multipart upload whose file is not a document (text), so an allowed caller gets 415 and nothing is stored.</summary>
    private static HttpRequestMessage Upload(string url) =>
        new(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { new ByteArrayContent("MZ not a document"u8.ToArray()), "file", "x.pdf" } } };

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Send(HttpMethod method, string url, object? body = null) =>
        new(method, url) { Content = body is null ? null : JsonContent.Create(body) };

    private static HttpRequestMessage Form(string url) => new(HttpMethod.Post, url) { Content = new FormUrlEncodedContent([]) };

    private static HttpRequestMessage Csv(string url) =>
        new(HttpMethod.Post, url) { Content = new StringContent("", System.Text.Encoding.UTF8, "text/csv") };

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
        new("GET /api/v1/users/{id}/tokens", w => Get($"/api/v1/users/{w.SubjectUserId}/tokens"), AdminOnly(OK)),
        new("GET /api/v1/audit-events", _ => Get("/api/v1/audit-events?pageSize=0"), AdminOnly(BadRequest)),
        new("GET /api/v1/exports/audit-events.csv", _ => Get("/api/v1/exports/audit-events.csv?separator=tab"), AdminOnly(BadRequest)),

        // The registry is public knowledge: everyone signed in reads, admins write.
        new("GET /api/v1/institutions", _ => Get("/api/v1/institutions?type=universiteit"), SignedIn(OK)),
        new("GET /api/v1/institutions/{id}", _ => Get($"/api/v1/institutions/{MatrixWorld.OtherInstitution}"), SignedIn(OK)),
        new("POST /api/v1/institutions", _ => Send(HttpMethod.Post, "/api/v1/institutions", new { }), AdminOnly(BadRequest)),
        new("PATCH /api/v1/institutions/{id}", _ => Send(HttpMethod.Patch, $"/api/v1/institutions/{MatrixWorld.OwnInstitution}", new { brin = "x" }), AdminOnly(BadRequest)),
        // Contact persons and imports: the bureau; importing institutions is an admin's (an empty file is a dry run with one error line).
        new("GET /api/v1/institutions/{id}/contacts", _ => Get($"/api/v1/institutions/{MatrixWorld.OwnInstitution}/contacts"), BureauOnly(OK)),
        new("POST /api/v1/institutions/{id}/contacts", _ => Send(HttpMethod.Post, $"/api/v1/institutions/{MatrixWorld.OwnInstitution}/contacts", new { }), BureauOnly(BadRequest)),
        new("PATCH /api/v1/institutions/{id}/contacts/{userId}", _ => Send(HttpMethod.Patch, $"/api/v1/institutions/{MatrixWorld.OwnInstitution}/contacts/u_unknown", new { active = false }), BureauOnly(NotFound)),
        new("POST /api/v1/institutions/{id}/contacts/{userId}/invitations", _ => Send(HttpMethod.Post, $"/api/v1/institutions/{MatrixWorld.OwnInstitution}/contacts/u_unknown/invitations"), BureauOnly(NotFound)),
        // A participations URL: the ministry is told there is nothing there, as on every participation route.
        new("GET /api/v1/institutions/{id}/participations", _ => Get($"/api/v1/institutions/{MatrixWorld.OwnInstitution}/participations"),
            Expect(Unauthorized, OK, OK, Forbidden, Forbidden, NotFound)),
        new("POST /api/v1/institution-imports", _ => Csv("/api/v1/institution-imports"), AdminOnly(OK)),
        new("POST /api/v1/contact-imports", _ => Csv("/api/v1/contact-imports"), BureauOnly(OK)),

        // Questionnaires: what is asked is not secret; admins upload versions.
        new("GET /api/v1/questionnaires", _ => Get("/api/v1/questionnaires"), SignedIn(OK)),
        new("GET /api/v1/questionnaires/{key}/versions/{version}", _ => Get("/api/v1/questionnaires/kennisveiligheid/versions/2023"), SignedIn(OK)),
        new("GET /api/v1/questionnaires/{key}/versions/{version}/differences", _ => Get("/api/v1/questionnaires/kennisveiligheid/versions/2023/differences?from=2023"), SignedIn(OK)),
        new("POST /api/v1/questionnaires", _ => Send(HttpMethod.Post, "/api/v1/questionnaires", new { }), AdminOnly(BadRequest)),

        // Rounds: everyone signed in reads (the ministry follows them too), admins create and move them.
        new("GET /api/v1/rounds", _ => Get("/api/v1/rounds"), SignedIn(OK)),
        new("GET /api/v1/rounds/{roundId}", w => Get($"/api/v1/rounds/{w.RoundId}"), SignedIn(OK)),
        new("POST /api/v1/rounds", _ => Send(HttpMethod.Post, "/api/v1/rounds", new { }), AdminOnly(BadRequest)),
        // An empty change is invalid (400) before any precondition, so the matrix round stays as it is.
        new("PATCH /api/v1/rounds/{roundId}", w => Send(HttpMethod.Patch, $"/api/v1/rounds/{w.RoundId}", new { }), AdminOnly(BadRequest)),
        new("POST /api/v1/rounds/{roundId}/status-changes", w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundId}/status-changes", new { status = "bogus" }), AdminOnly(BadRequest)),

        // Participations: institution-scoped. Another institution's participation is a 404; so is every participation URL for the ministry.
        new("GET /api/v1/rounds/{roundId}/participations", w => Get($"/api/v1/rounds/{w.RoundId}/participations"), Expect(Unauthorized, OK, OK, OK, OK, NotFound)),
        new("POST /api/v1/rounds/{roundId}/participations", w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundId}/participations", new { }), Expect(Unauthorized, BadRequest, Forbidden, Forbidden, Forbidden, NotFound)),
        new("GET /api/v1/participations/{participationId}", w => Get($"/api/v1/participations/{w.ParticipationId}"), Expect(Unauthorized, OK, OK, OK, NotFound, NotFound)),
        // Without closesAt the deadline change is invalid (400); the removal names an unknown participation (404), so nothing
        // changes. Participations are hidden from the ministry (404), as on their GET.
        new("PATCH /api/v1/participations/{participationId}", w => Send(HttpMethod.Patch, $"/api/v1/participations/{w.ParticipationId}", new { }), Expect(Unauthorized, BadRequest, BadRequest, Forbidden, Forbidden, NotFound)),
        new("DELETE /api/v1/participations/{participationId}", _ => Send(HttpMethod.Delete, "/api/v1/participations/p_unknown"), Expect(Unauthorized, NotFound, Forbidden, Forbidden, Forbidden, NotFound)),

        // Sector views: before publication only the bureau sees them; no view is computed yet in the matrix world.
        new("GET /api/v1/rounds/{roundId}/sector-views", w => Get($"/api/v1/rounds/{w.RoundId}/sector-views"), Expect(Unauthorized, OK, OK, NotFound, NotFound, NotFound)),
        new("GET /api/v1/rounds/{roundId}/sector-views/{institutionType}", w => Get($"/api/v1/rounds/{w.RoundId}/sector-views/universiteit"), SignedIn(NotFound)),
        // Sector findings: the bureau's; respondents are refused by role, the ministry is told there is nothing (drafts never reach it).
        new("GET /api/v1/rounds/{roundId}/sector-views/{institutionType}/findings", w => Get($"/api/v1/rounds/{w.RoundId}/sector-views/universiteit/findings"), Expect(Unauthorized, OK, OK, Forbidden, Forbidden, NotFound)),
        new("PUT /api/v1/rounds/{roundId}/sector-views/{institutionType}/findings", w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundId}/sector-views/universiteit/findings", new { }), Expect(Unauthorized, BadRequest, BadRequest, Forbidden, Forbidden, NotFound)),
        new("POST /api/v1/rounds/{roundId}/sector-views/{institutionType}/findings/approvals", w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundId}/sector-views/hogeschool/findings/approvals"), Expect(Unauthorized, NotFound, NotFound, Forbidden, Forbidden, NotFound)),
        // The cycle summary: the same as sector findings; approving needs If-Match (428 without it).
        new("GET /api/v1/cycles/{cycle}/findings", w => Get($"/api/v1/cycles/{w.Cycle}/findings"), Expect(Unauthorized, OK, OK, Forbidden, Forbidden, NotFound)),
        new("PUT /api/v1/cycles/{cycle}/findings", w => Send(HttpMethod.Put, $"/api/v1/cycles/{w.Cycle}/findings", new { }), Expect(Unauthorized, BadRequest, BadRequest, Forbidden, Forbidden, NotFound)),
        new("POST /api/v1/cycles/{cycle}/findings/approvals", w => Send(HttpMethod.Post, $"/api/v1/cycles/{w.Cycle}/findings/approvals"), Expect(Unauthorized, PreconditionRequired, PreconditionRequired, Forbidden, Forbidden, NotFound)),
        new("POST /api/v1/rounds/{roundId}/sector-views/recompute", w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundId}/sector-views/recompute"), AdminOnly(Accepted)),
        // Answers and evidence: the institution's own respondents write, the bureau reads (recorded), the ministry never.
        new("GET /api/v1/participations/{participationId}/answers", w => Get($"/api/v1/participations/{w.ParticipationId}/answers"), Expect(Unauthorized, OK, OK, OK, NotFound, NotFound)),
        new("PUT /api/v1/participations/{participationId}/answers/{questionKey}", w => Send(HttpMethod.Put, w.AnswerPath, new { }), RespondentWrite(BadRequest)),
        new("PATCH /api/v1/participations/{participationId}/answers", w => Send(HttpMethod.Patch, $"/api/v1/participations/{w.ParticipationId}/answers", new { answers = Array.Empty<object>() }), RespondentWrite(BadRequest)),
        // Without If-Match and without an answer there is nothing to clear.
        new("DELETE /api/v1/participations/{participationId}/answers/{questionKey}", w => Send(HttpMethod.Delete, w.AnswerPath), RespondentWrite(NotFound)),
        new("GET /api/v1/participations/{participationId}/answers/{questionKey}/history", w => Get($"{w.AnswerPath}/history"), Expect(Unauthorized, OK, OK, OK, NotFound, NotFound)),
        // The matrix round has no baseline round.
        new("POST /api/v1/participations/{participationId}/prefill", w => Send(HttpMethod.Post, $"/api/v1/participations/{w.ParticipationId}/prefill"), RespondentWrite(Conflict)),
        new("POST /api/v1/participations/{participationId}/answers/{questionKey}/evidence", w => Upload($"{w.AnswerPath}/evidence"), RespondentWrite(UnsupportedMediaType)),
        new("GET /api/v1/participations/{participationId}/answers/{questionKey}/evidence/{evidenceId}", w => Get($"{w.AnswerPath}/evidence/{w.EvidenceId}"), Expect(Unauthorized, OK, OK, OK, NotFound, NotFound)),
        new("DELETE /api/v1/participations/{participationId}/answers/{questionKey}/evidence/{evidenceId}", w => Send(HttpMethod.Delete, $"{w.AnswerPath}/evidence/e_unknown"), RespondentWrite(NotFound)),

        // Submission by the institution; review and findings by the bureau. Findings reach the institution once published.
        new("POST /api/v1/participations/{participationId}/submission", w => Send(HttpMethod.Post, $"/api/v1/participations/{w.ParticipationId}/submission"), RespondentWrite(BadRequest)),
        new("GET /api/v1/participations/{participationId}/reviews", w => Get($"/api/v1/participations/{w.ParticipationId}/reviews"), Expect(Unauthorized, OK, OK, OK, NotFound, NotFound)),
        new("POST /api/v1/participations/{participationId}/reviews", w => Send(HttpMethod.Post, $"/api/v1/participations/{w.ParticipationId}/reviews", new { }), Expect(Unauthorized, BadRequest, BadRequest, Forbidden, Forbidden, NotFound)),
        new("GET /api/v1/participations/{participationId}/findings", w => Get($"/api/v1/participations/{w.ParticipationId}/findings"), Expect(Unauthorized, NotFound, NotFound, Forbidden, NotFound, NotFound)),
        new("PUT /api/v1/participations/{participationId}/findings", w => Send(HttpMethod.Put, $"/api/v1/participations/{w.ParticipationId}/findings", new { }), Expect(Unauthorized, BadRequest, BadRequest, Forbidden, Forbidden, NotFound)),
        // Follow-up of the baseline round's recommendations (issue 20): the institution's own respondents write, the bureau
        // reads. The matrix round has no baseline, so the list is empty and a recommendation is not found.
        new("GET /api/v1/participations/{participationId}/recommendation-follow-ups", w => Get($"/api/v1/participations/{w.ParticipationId}/recommendation-follow-ups"), Expect(Unauthorized, OK, OK, OK, NotFound, NotFound)),
        new("GET /api/v1/participations/{participationId}/recommendation-follow-ups/{recommendationId}", w => Get($"/api/v1/participations/{w.ParticipationId}/recommendation-follow-ups/governance"), Expect(Unauthorized, NotFound, NotFound, NotFound, NotFound, NotFound)),
        new("PUT /api/v1/participations/{participationId}/recommendation-follow-ups/{recommendationId}", w => Send(HttpMethod.Put, $"/api/v1/participations/{w.ParticipationId}/recommendation-follow-ups/governance", new { }), RespondentWrite(NotFound)),
        // The bureau's validated scores: the institution reads them once the round is published.
        new("GET /api/v1/participations/{participationId}/validated-scores", w => Get($"/api/v1/participations/{w.ParticipationId}/validated-scores"), Expect(Unauthorized, OK, OK, Forbidden, NotFound, NotFound)),
        new("PUT /api/v1/participations/{participationId}/validated-scores/{themeKey}", w => Send(HttpMethod.Put, $"/api/v1/participations/{w.ParticipationId}/validated-scores/governance", new { }), Expect(Unauthorized, BadRequest, BadRequest, Forbidden, Forbidden, NotFound)),
        // The deep-dive (issue 19): confidential, so outside the bureau it does not exist. Unknown records are 404 for everyone.
        new("GET /api/v1/rounds/{roundId}/deep-dives/{institutionType}", w => Get($"/api/v1/rounds/{w.RoundId}/deep-dives/universiteit"), BureauConfidential(OK)),
        new("PUT /api/v1/rounds/{roundId}/deep-dives/{institutionType}", w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundId}/deep-dives/universiteit", new { }), BureauConfidential(BadRequest)),
        new("POST /api/v1/rounds/{roundId}/deep-dives/{institutionType}/suggestions", w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundId}/deep-dives/universiteit/suggestions", new { }), BureauConfidential(BadRequest)),
        new("GET /api/v1/rounds/{roundId}/deep-dives/{institutionType}/records", w => Get($"/api/v1/rounds/{w.RoundId}/deep-dives/universiteit/records"), BureauConfidential(OK)),
        new("POST /api/v1/rounds/{roundId}/deep-dives/{institutionType}/records", w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundId}/deep-dives/universiteit/records", new { }), BureauConfidential(BadRequest)),
        new("PUT /api/v1/rounds/{roundId}/deep-dives/{institutionType}/records/{recordId}", w => Send(HttpMethod.Put, $"/api/v1/rounds/{w.RoundId}/deep-dives/universiteit/records/dd_unknown", new { }), BureauConfidential(NotFound)),
        new("DELETE /api/v1/rounds/{roundId}/deep-dives/{institutionType}/records/{recordId}", w => Send(HttpMethod.Delete, $"/api/v1/rounds/{w.RoundId}/deep-dives/universiteit/records/dd_unknown"), BureauConfidential(NotFound)),
        new("GET /api/v1/rounds/{roundId}/progress", w => Get($"/api/v1/rounds/{w.RoundId}/progress"), BureauOnly(OK)),
        // The publication preview: what the ministry will see, for the bureau only (publishing itself is a status change, admins only).
        new("GET /api/v1/rounds/{roundId}/publication-preview", w => Get($"/api/v1/rounds/{w.RoundId}/publication-preview"), BureauOnly(OK)),
        // Invitation mails: the bureau sends them; an unknown institution type stops it before anything is queued.
        new("POST /api/v1/rounds/{roundId}/invitations", w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundId}/invitations", new { institutionType = "bogus" }), BureauOnly(BadRequest)),
        // Web pages. The token sign-in form is off outside Development unless configured, so its POST is 404 here.
        new("GET /", _ => Get("/"), Everyone(OK)),
        new("GET /aanmelden", _ => Get("/aanmelden"), Everyone(OK)),
        new("POST /aanmelden", _ => Form("/aanmelden"), Everyone(NotFound)),
        // Sign-in with the organisation account starts only when OIDC is configured, which it is not here.
        new("GET /aanmelden/organisatie", _ => Get("/aanmelden/organisatie"), Everyone(NotFound)),
        new("GET /toegankelijkheid", _ => Get("/toegankelijkheid"), Everyone(OK)),
        new("GET /mijn-gegevens", _ => Get("/mijn-gegevens"), Expect(Unauthorized, OK, OK, OK, OK, OK)),
        // The bureau's pages: analysts and admins; respondents are refused as on the bureau's API, the ministry learns nothing (404).
        // Form posts without an antiforgery field are refused (400) before anything is read. No umc takes part, so it has no sector view.
        new("GET /bureau/rondes", _ => Get("/bureau/rondes"), BureauPage(OK)),
        new("GET /bureau/rondes/{roundId}", w => Get($"/bureau/rondes/{w.RoundId}"), BureauPage(OK)),
        new("GET /bureau/rondes/nieuw", _ => Get("/bureau/rondes/nieuw"), BureauPage(OK)),
        new("POST /bureau/rondes/nieuw", _ => Form("/bureau/rondes/nieuw"), BureauPage(BadRequest)),
        new("GET /bureau/rondes/{roundId}/wijzigen", w => Get($"/bureau/rondes/{w.RoundId}/wijzigen"), BureauPage(OK)),
        new("POST /bureau/rondes/{roundId}/wijzigen", w => Form($"/bureau/rondes/{w.RoundId}/wijzigen"), BureauPage(BadRequest)),
        new("GET /bureau/rondes/{roundId}/instellingen", w => Get($"/bureau/rondes/{w.RoundId}/instellingen"), BureauPage(OK)),
        new("POST /bureau/rondes/{roundId}/instellingen", w => Form($"/bureau/rondes/{w.RoundId}/instellingen"), BureauPage(BadRequest)),
        new("POST /bureau/deelnames/{participationId}/verwijderen", w => Form($"/bureau/deelnames/{w.ParticipationId}/verwijderen"), BureauPage(BadRequest)),
        new("POST /bureau/deelnames/{participationId}/deadline", w => Form($"/bureau/deelnames/{w.ParticipationId}/deadline"), BureauPage(BadRequest)),
        new("POST /bureau/rondes/{roundId}/uitnodigingen", w => Form($"/bureau/rondes/{w.RoundId}/uitnodigingen"), BureauPage(BadRequest)),
        new("POST /bureau/rondes/{roundId}/rapporten", w => Form($"/bureau/rondes/{w.RoundId}/rapporten"), BureauPage(BadRequest)),
        new("GET /bureau/rondes/{roundId}/sectoren", w => Get($"/bureau/rondes/{w.RoundId}/sectoren"), BureauPage(OK)),
        new("GET /bureau/rondes/{roundId}/sectoren/{institutionType}", w => Get($"/bureau/rondes/{w.RoundId}/sectoren/umc"), BureauPage(NotFound)),
        new("GET /bureau/rondes/{roundId}/sectoren/{institutionType}/bevindingen", w => Get($"/bureau/rondes/{w.RoundId}/sectoren/universiteit/bevindingen"), BureauPage(OK)),
        new("POST /bureau/rondes/{roundId}/sectoren/{institutionType}/bevindingen", w => Form($"/bureau/rondes/{w.RoundId}/sectoren/universiteit/bevindingen"), BureauPage(BadRequest)),
        new("POST /bureau/rondes/{roundId}/sectoren/{institutionType}/bevindingen/goedkeuring", w => Form($"/bureau/rondes/{w.RoundId}/sectoren/universiteit/bevindingen/goedkeuring"), BureauPage(BadRequest)),
        // Status changes and publishing: confirmation pages for the bureau; without antiforgery a post changes nothing (400).
        // The deep-dive pages: the matrix round has no selection, so an institution's deep-dive page does not exist.
        new("GET /bureau/rondes/{roundId}/verdieping/{institutionType}", w => Get($"/bureau/rondes/{w.RoundId}/verdieping/universiteit"), BureauPage(OK)),
        new("POST /bureau/rondes/{roundId}/verdieping/{institutionType}", w => Form($"/bureau/rondes/{w.RoundId}/verdieping/universiteit"), BureauPage(BadRequest)),
        new("GET /bureau/rondes/{roundId}/verdieping/{institutionType}/{institutionId}", w => Get($"/bureau/rondes/{w.RoundId}/verdieping/universiteit/{MatrixWorld.OwnInstitution}"), BureauPage(NotFound)),
        new("POST /bureau/rondes/{roundId}/verdieping/{institutionType}/{institutionId}", w => Form($"/bureau/rondes/{w.RoundId}/verdieping/universiteit/{MatrixWorld.OwnInstitution}"), BureauPage(BadRequest)),
        new("POST /bureau/rondes/{roundId}/verdieping/{institutionType}/{institutionId}/verwijderen", w => Form($"/bureau/rondes/{w.RoundId}/verdieping/universiteit/{MatrixWorld.OwnInstitution}/verwijderen"), BureauPage(BadRequest)),
        // The audit cycle pages: the matrix cycle has a draft summary, so its approval page exists.
        new("GET /bureau/cycli", _ => Get("/bureau/cycli"), BureauPage(OK)),
        new("GET /bureau/cycli/{cycle}", w => Get($"/bureau/cycli/{w.Cycle}"), BureauPage(OK)),
        new("POST /bureau/cycli/{cycle}", w => Form($"/bureau/cycli/{w.Cycle}"), BureauPage(BadRequest)),
        new("GET /bureau/cycli/{cycle}/goedkeuring", w => Get($"/bureau/cycli/{w.Cycle}/goedkeuring"), BureauPage(OK)),
        new("POST /bureau/cycli/{cycle}/goedkeuring", w => Form($"/bureau/cycli/{w.Cycle}/goedkeuring"), BureauPage(BadRequest)),
        new("GET /bureau/rondes/{roundId}/openen", w => Get($"/bureau/rondes/{w.RoundId}/openen"), BureauPage(OK)),
        new("POST /bureau/rondes/{roundId}/openen", w => Form($"/bureau/rondes/{w.RoundId}/openen"), BureauPage(BadRequest)),
        new("GET /bureau/rondes/{roundId}/sluiten", w => Get($"/bureau/rondes/{w.RoundId}/sluiten"), BureauPage(OK)),
        new("POST /bureau/rondes/{roundId}/sluiten", w => Form($"/bureau/rondes/{w.RoundId}/sluiten"), BureauPage(BadRequest)),
        new("GET /bureau/rondes/{roundId}/publiceren", w => Get($"/bureau/rondes/{w.RoundId}/publiceren"), BureauPage(OK)),
        new("POST /bureau/rondes/{roundId}/publiceren", w => Form($"/bureau/rondes/{w.RoundId}/publiceren"), BureauPage(BadRequest)),
        new("GET /bureau/rondes/{roundId}/publiceren/{institutionType}", w => Get($"/bureau/rondes/{w.PublishedRoundId}/publiceren/universiteit"), BureauPage(OK)),
        new("GET /bureau/deelnames/{participationId}", w => Get($"/bureau/deelnames/{w.ParticipationId}"), BureauPage(OK)),
        new("GET /bureau/deelnames/{participationId}/beoordeling", w => Get($"/bureau/deelnames/{w.ParticipationId}/beoordeling"), BureauPage(OK)),
        new("POST /bureau/deelnames/{participationId}/beoordeling", w => Form($"/bureau/deelnames/{w.ParticipationId}/beoordeling"), BureauPage(BadRequest)),
        new("GET /bureau/deelnames/{participationId}/bevindingen", w => Get($"/bureau/deelnames/{w.ParticipationId}/bevindingen"), BureauPage(OK)),
        new("POST /bureau/deelnames/{participationId}/bevindingen", w => Form($"/bureau/deelnames/{w.ParticipationId}/bevindingen"), BureauPage(BadRequest)),
        new("GET /bureau/deelnames/{participationId}/scores", w => Get($"/bureau/deelnames/{w.ParticipationId}/scores"), BureauPage(OK)),
        new("POST /bureau/deelnames/{participationId}/scores/{themeKey}", w => Form($"/bureau/deelnames/{w.ParticipationId}/scores/governance"), BureauPage(BadRequest)),
        // The bureau's management pages: questionnaires for the bureau (uploading for admins), users and the audit log for admins.
        new("GET /bureau/vragenlijsten", _ => Get("/bureau/vragenlijsten"), BureauPage(OK)),
        new("POST /bureau/vragenlijsten", _ => Form("/bureau/vragenlijsten"), AdminPage(BadRequest)),
        new("GET /bureau/vragenlijsten/{key}/{version}", _ => Get("/bureau/vragenlijsten/kennisveiligheid/2023"), BureauPage(OK)),
        new("GET /bureau/vragenlijsten/{key}/{version}/vergelijking", _ => Get("/bureau/vragenlijsten/kennisveiligheid/2023/vergelijking"), BureauPage(OK)),
        new("GET /bureau/gebruikers", _ => Get("/bureau/gebruikers"), AdminPage(OK)),
        new("POST /bureau/gebruikers", _ => Form("/bureau/gebruikers"), AdminPage(BadRequest)),
        new("GET /bureau/gebruikers/{id}", w => Get($"/bureau/gebruikers/{w.SubjectUserId}"), AdminPage(OK)),
        new("POST /bureau/gebruikers/{id}/status", w => Form($"/bureau/gebruikers/{w.SubjectUserId}/status"), AdminPage(BadRequest)),
        new("POST /bureau/gebruikers/{id}/uitnodiging", w => Form($"/bureau/gebruikers/{w.SubjectUserId}/uitnodiging"), AdminPage(BadRequest)),
        new("POST /bureau/gebruikers/{id}/tokens/{tokenId}/intrekken", w => Form($"/bureau/gebruikers/{w.SubjectUserId}/tokens/t_unknown/intrekken"), AdminPage(BadRequest)),
        new("GET /bureau/auditlog", _ => Get("/bureau/auditlog"), AdminPage(OK)),
        new("GET /bureau/auditlog.csv", _ => Get("/bureau/auditlog.csv"), AdminPage(OK)),
        new("GET /bureau/instellingen", _ => Get("/bureau/instellingen"), BureauPage(OK)),
        new("GET /bureau/instellingen/nieuw", _ => Get("/bureau/instellingen/nieuw"), Expect(Unauthorized, OK, Forbidden, Forbidden, Forbidden, NotFound)),
        new("POST /bureau/instellingen/nieuw", _ => Form("/bureau/instellingen/nieuw"), BureauPage(BadRequest)),
        new("GET /bureau/instellingen/importeren", _ => Get("/bureau/instellingen/importeren"), BureauPage(OK)),
        new("POST /bureau/instellingen/importeren", _ => Form("/bureau/instellingen/importeren"), BureauPage(BadRequest)),
        new("GET /bureau/instellingen/{id}", _ => Get($"/bureau/instellingen/{MatrixWorld.OwnInstitution}"), BureauPage(OK)),
        new("POST /bureau/instellingen/{id}", _ => Form($"/bureau/instellingen/{MatrixWorld.OwnInstitution}"), BureauPage(BadRequest)),
        new("POST /bureau/instellingen/{id}/contactpersonen", _ => Form($"/bureau/instellingen/{MatrixWorld.OwnInstitution}/contactpersonen"), BureauPage(BadRequest)),
        new("POST /bureau/instellingen/{id}/contactpersonen/{userId}", _ => Form($"/bureau/instellingen/{MatrixWorld.OwnInstitution}/contactpersonen/u_unknown"), BureauPage(BadRequest)),
        new("POST /bureau/instellingen/{id}/contactpersonen/{userId}/uitnodiging",
            _ => Form($"/bureau/instellingen/{MatrixWorld.OwnInstitution}/contactpersonen/u_unknown/uitnodiging"), BureauPage(BadRequest)),
        // The ministry's pages: published rounds only (the matrix round is open, so its sector page does not exist for it).
        new("GET /ministerie/rondes", _ => Get("/ministerie/rondes"), MinistryPage(OK)),
        new("GET /ministerie/rondes/{roundId}/sectoren/{institutionType}", w => Get($"/ministerie/rondes/{w.RoundId}/sectoren/universiteit"), MinistryPage(NotFound)),

        // Reports and exports, in the published round (its universiteit view is computed; too small, so withheld). Respondents
        // get no sector report or CSV (their feedback report holds their sector); the ministry is told no feedback report exists,
        // and so is another institution; the workbook, the render job and the stored files are the bureau's.
        new("GET /api/v1/participations/{participationId}/feedback-report", w => Get($"/api/v1/participations/{w.PublishedParticipationId}/feedback-report"), Expect(Unauthorized, OK, OK, OK, NotFound, NotFound)),
        new("GET /api/v1/participations/{participationId}/board-summary", w => Get($"/api/v1/participations/{w.PublishedParticipationId}/board-summary"), Expect(Unauthorized, OK, OK, OK, NotFound, NotFound)),
        new("GET /api/v1/rounds/{roundId}/sector-views/{institutionType}/report", w => Get($"/api/v1/rounds/{w.PublishedRoundId}/sector-views/universiteit/report"), PublishedStatistics(OK)),
        new("GET /api/v1/rounds/{roundId}/parliament-report", w => Get($"/api/v1/rounds/{w.PublishedRoundId}/parliament-report"), PublishedStatistics(OK)),
        // The cycle's national report: both matrix rounds are in cycle 2023, only the published one is in the report.
        new("GET /api/v1/cycles/{cycle}/parliament-report", w => Get($"/api/v1/cycles/{w.Cycle}/parliament-report"), PublishedStatistics(OK)),
        new("GET /api/v1/rounds/{roundId}/sector-views/{institutionType}/statistics.csv", w => Get($"/api/v1/rounds/{w.PublishedRoundId}/sector-views/universiteit/statistics.csv"), PublishedStatistics(OK)),
        new("GET /api/v1/rounds/{roundId}/sector-views/{institutionType}.csv", w => Get($"/api/v1/rounds/{w.PublishedRoundId}/sector-views/universiteit.csv"), PublishedStatistics(OK)),
        new("GET /api/v1/rounds/{roundId}/exports/answers.xlsx", w => Get($"/api/v1/rounds/{w.PublishedRoundId}/exports/answers.xlsx"), BureauOnly(OK)),
        new("POST /api/v1/rounds/{roundId}/reports/render", w => Send(HttpMethod.Post, $"/api/v1/rounds/{w.RoundId}/reports/render"), BureauOnly(Accepted)),
        new("GET /api/v1/rounds/{roundId}/reports", w => Get($"/api/v1/rounds/{w.RoundId}/reports"), BureauOnly(OK)),
        // The analysis exports name institutions, like the workbook; to anyone but the bureau they do not exist (404).
        new("GET /api/v1/rounds/{roundId}/exports/analysis.zip", w => Get($"/api/v1/rounds/{w.PublishedRoundId}/exports/analysis.zip"), BureauConfidential(OK)),
        new("GET /api/v1/exports/trend.zip", w => Get($"/api/v1/exports/trend.zip?rounds={w.PublishedRoundId}"), BureauConfidential(BadRequest)),

        // Respondent pages: like the API, another institution's participation is not found; other roles are refused.
        // Forms post without their antiforgery field here (400); the report is not found before publication.
        new("GET /deelnames", _ => Get("/deelnames"), Expect(Unauthorized, Forbidden, Forbidden, OK, OK, NotFound)),
        new("GET /deelnames/{participationId}", w => Get($"/deelnames/{w.ParticipationId}"), RespondentWrite(OK)),
        new("POST /deelnames/{participationId}/overnemen", w => Form($"/deelnames/{w.ParticipationId}/overnemen"), RespondentWrite(BadRequest)),
        new("GET /deelnames/{participationId}/thema/{themeKey}", w => Get($"/deelnames/{w.ParticipationId}/thema/governance"), RespondentWrite(OK)),
        new("POST /deelnames/{participationId}/thema/{themeKey}", w => Form($"/deelnames/{w.ParticipationId}/thema/governance"), RespondentWrite(BadRequest)),
        new("POST /deelnames/{participationId}/bewijs/{questionKey}", w => Upload($"/deelnames/{w.ParticipationId}/bewijs/{w.QuestionKey}"), RespondentWrite(BadRequest)),
        new("POST /deelnames/{participationId}/bewijs/{questionKey}/{evidenceId}/verwijderen",
            w => Form($"/deelnames/{w.ParticipationId}/bewijs/{w.QuestionKey}/{w.EvidenceId}/verwijderen"), RespondentWrite(BadRequest)),
        new("GET /deelnames/{participationId}/overzicht", w => Get($"/deelnames/{w.ParticipationId}/overzicht"), RespondentWrite(OK)),
        new("GET /deelnames/{participationId}/opvolging", w => Get($"/deelnames/{w.ParticipationId}/opvolging"), RespondentWrite(OK)),
        new("POST /deelnames/{participationId}/opvolging/{recommendationId}", w => Form($"/deelnames/{w.ParticipationId}/opvolging/governance"), RespondentWrite(BadRequest)),
        // The matrix participation has no answers: its confirmation page sends the respondent back to the overview.
        new("GET /deelnames/{participationId}/indienen", w => Get($"/deelnames/{w.ParticipationId}/indienen"), RespondentWrite(Redirect)),
        new("POST /deelnames/{participationId}/indienen", w => Form($"/deelnames/{w.ParticipationId}/indienen"), RespondentWrite(BadRequest)),
        new("GET /deelnames/{participationId}/rapport", w => Get($"/deelnames/{w.ParticipationId}/rapport"), RespondentWrite(NotFound)),
        new("GET /deelnames/{participationId}/rapport.pdf", w => Get($"/deelnames/{w.ParticipationId}/rapport.pdf"), RespondentWrite(NotFound)),
    ];
}
