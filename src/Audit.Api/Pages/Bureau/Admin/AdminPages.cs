namespace Audit.Api.Pages.Bureau.Admin;

/// <summary>
/// The bureau's management pages: questionnaires (the bureau reads, admins upload), users and the audit log (admins).
/// Mapped inside the bureau group, so the ministry is told there is nothing (404) and respondents are refused (403);
/// the admin-only routes add the admin policy, so an analyst is refused too. Antiforgery is checked by the handlers, so
/// that a stale form gets a page that says so rather than a bare 400.
/// </summary>
public static class AdminPages
{
    public static readonly IReadOnlyList<string> PageNames =
    [
        QuestionnairesPage.Name, QuestionnairePreviewPage.Name, QuestionnairePreviewPage.CompareName, UsersPage.Name, UserPage.Name, AuditLogPage.Name,
    ];

    public static RouteGroupBuilder MapAdminPages(this RouteGroupBuilder bureau)
    {
        bureau.MapGet("/vragenlijsten", QuestionnairesPage.ShowAsync);
        bureau.MapPost("/vragenlijsten", QuestionnairesPage.UploadAsync).DisableAntiforgery().RequireAuthorization(Policies.Admin);
        bureau.MapGet("/vragenlijsten/{key}/{version}", QuestionnairePreviewPage.ShowAsync);
        bureau.MapGet("/vragenlijsten/{key}/{version}/vergelijking", QuestionnairePreviewPage.CompareAsync);

        bureau.MapGet("/gebruikers", UsersPage.ShowAsync).RequireAuthorization(Policies.Admin);
        bureau.MapPost("/gebruikers", UsersPage.CreateAsync).DisableAntiforgery().RequireAuthorization(Policies.Admin);
        bureau.MapGet("/gebruikers/{id}", UserPage.ShowAsync).RequireAuthorization(Policies.Admin);
        bureau.MapPost("/gebruikers/{id}/status", UserPage.ChangeStatusAsync).DisableAntiforgery().RequireAuthorization(Policies.Admin);
        bureau.MapPost("/gebruikers/{id}/uitnodiging", UserPage.InviteAsync).DisableAntiforgery().RequireAuthorization(Policies.Admin);
        bureau.MapPost("/gebruikers/{id}/tokens/{tokenId}/intrekken", UserPage.RevokeAsync).DisableAntiforgery().RequireAuthorization(Policies.Admin);

        bureau.MapGet("/auditlog", AuditLogPage.ShowAsync).RequireAuthorization(Policies.Admin);
        bureau.MapGet("/auditlog.csv", AuditLogPage.CsvAsync).RequireAuthorization(Policies.Admin);
        return bureau;
    }
}
