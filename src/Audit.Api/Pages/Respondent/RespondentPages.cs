namespace Audit.Api.Pages.Respondent;

/// <summary>
/// The pages of an institution's respondents: their participations, the questionnaire one theme per page, evidence,
/// the summary with submission, and (once published) the feedback report. Another institution's participation is
/// "not found", like in the API; other roles are refused (403). Every form posts with antiforgery, validated by the
/// handler (so a person gets the page back with the reason, not a bare 400).
/// </summary>
public static class RespondentPages
{
    public const string ListPath = "/deelnames";
    public const string StartRoute = "/deelnames/{participationId}";
    public const string PrefillRoute = "/deelnames/{participationId}/overnemen";
    public const string ThemeRoute = "/deelnames/{participationId}/thema/{themeKey}";
    public const string SummaryRoute = "/deelnames/{participationId}/overzicht";
    public const string SubmitRoute = "/deelnames/{participationId}/indienen";
    public const string UploadRoute = "/deelnames/{participationId}/bewijs/{questionKey}";
    public const string RemoveEvidenceRoute = "/deelnames/{participationId}/bewijs/{questionKey}/{evidenceId}/verwijderen";
    public const string ReportRoute = "/deelnames/{participationId}/rapport";
    public const string ReportPdfRoute = "/deelnames/{participationId}/rapport.pdf";
    public const string FollowUpRoute = "/deelnames/{participationId}/opvolging";
    public const string FollowUpSaveRoute = "/deelnames/{participationId}/opvolging/{recommendationId}";

    /// <summary>The page templates these handlers render; <see cref="PagesExtensions.PageNames"/> checks them at start-up.</summary>
    public static IReadOnlyList<string> PageNames { get; } =
        [ParticipationsPage.Name, ThemePage.Name, SummaryPage.Name, SummaryPage.ConfirmName, ParticipationStartPage.Name, ReportPages.Name, FollowUpPage.Name];

    public static IEndpointRouteBuilder MapRespondentPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription().RequireAuthorization(Policies.Respondent);
        pages.MapGet(ListPath, ParticipationsPage.ShowAsync);
        pages.MapGet(StartRoute, ParticipationStartPage.ShowAsync);
        pages.MapPost(PrefillRoute, ParticipationStartPage.PrefillAsync).DisableAntiforgery(); // validated by the handler
        pages.MapGet(ThemeRoute, ThemePage.ShowAsync);
        pages.MapPost(ThemeRoute, ThemePage.SaveAsync).DisableAntiforgery(); // validated by the handler
        pages.MapPost(UploadRoute, EvidencePages.UploadAsync).DisableAntiforgery();
        pages.MapPost(RemoveEvidenceRoute, EvidencePages.RemoveAsync).DisableAntiforgery();
        pages.MapGet(SummaryRoute, SummaryPage.ShowAsync);
        pages.MapGet(SubmitRoute, SummaryPage.ConfirmAsync);
        pages.MapPost(SubmitRoute, SummaryPage.SubmitAsync).DisableAntiforgery();
        pages.MapGet(ReportRoute, ReportPages.HtmlAsync);
        pages.MapGet(ReportPdfRoute, ReportPages.PdfAsync);
        pages.MapGet(FollowUpRoute, FollowUpPage.ShowAsync);
        pages.MapPost(FollowUpSaveRoute, FollowUpPage.SaveAsync).DisableAntiforgery(); // validated by the handler
        return routes;
    }

    public static string Start(string participationId) => $"{ListPath}/{Uri.EscapeDataString(participationId)}";

    public static string Prefill(string participationId) => Start(participationId) + "/overnemen";

    public static string Theme(string participationId, string themeKey) =>
        $"{ListPath}/{Uri.EscapeDataString(participationId)}/thema/{Uri.EscapeDataString(themeKey)}";

    public static string Summary(string participationId) => $"{ListPath}/{Uri.EscapeDataString(participationId)}/overzicht";

    public static string Submit(string participationId) => $"{ListPath}/{Uri.EscapeDataString(participationId)}/indienen";

    public static string Upload(string participationId, string questionKey) =>
        $"{ListPath}/{Uri.EscapeDataString(participationId)}/bewijs/{Uri.EscapeDataString(questionKey)}";

    public static string RemoveEvidence(string participationId, string questionKey, string evidenceId) =>
        $"{Upload(participationId, questionKey)}/{Uri.EscapeDataString(evidenceId)}/verwijderen";

    public static string Report(string participationId) => $"{ListPath}/{Uri.EscapeDataString(participationId)}/rapport";

    public static string ReportPdf(string participationId) => Report(participationId) + ".pdf";

    /// <summary>The API address of an answer, for the autosave script (the question key is appended).</summary>
    public static string AnswersApi(string participationId) => $"/api/v1/participations/{Uri.EscapeDataString(participationId)}/answers/";

    public static string EvidenceDownload(string participationId, string questionKey, string evidenceId) =>
        $"{AnswersApi(participationId)}{Uri.EscapeDataString(questionKey)}/evidence/{Uri.EscapeDataString(evidenceId)}";

    /// <summary>A refusal the page does not show itself: the status alone, which the problem page words for a person.</summary>
    public static IResult Refused(Failure failure) => Results.StatusCode(OutcomeProblems.StatusOf(failure));

    /// <summary>A page address with a status message to show after a redirect (post/redirect/get).</summary>
    public static string WithStatus(string path, string status, string? fragment = null) =>
        $"{path}?status={Uri.EscapeDataString(status)}" + (fragment is null ? "" : "#" + fragment);
}
