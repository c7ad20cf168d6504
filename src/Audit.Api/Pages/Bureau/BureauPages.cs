using Audit.Api.Pages.Bureau.Admin;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// The auditing bureau's pages (analysts and admins): rounds and their progress, a participation's answers, the review
/// form, the findings editor and the sector views. They read and write through the same repositories and rules as the
/// API. The group is hidden from the ministry (404); respondents are refused (403) as on the bureau's API.
/// </summary>
public static class BureauPages
{
    public const string RoundsPath = "/bureau/rondes";

    /// <summary>The templates these pages render, for the start-up check.</summary>
    public static readonly IReadOnlyList<string> PageNames =
    [
        RoundsPage.Name, RoundDashboardPage.Name, ParticipationPage.Name, ReviewPage.Name, ReviewPage.ConfirmName, FindingsPage.Name,
        SectorViewsPage.ListName, SectorViewsPage.ViewName, SectorFindingsPage.Name, .. RoundStatusPage.PageNames, .. AdminPages.PageNames,
        InstitutionsPage.Name, InstitutionsPage.NewName, InstitutionPage.Name, InstitutionImportPage.Name,
        NewRoundPage.Name, EditRoundPage.Name, RoundInstitutionsPage.Name, RoundInstitutionsPage.ConfirmName,
        DeepDivePage.Name, DeepDiveInstitutionPage.Name, CyclesPage.Name, CyclePage.Name, CyclePage.ApprovalName, ValidatedScoresPage.Name,
    ];

    public const string InstitutionsPath = "/bureau/instellingen";

    public const string NewInstitutionPath = InstitutionsPath + "/nieuw";

    public const string InstitutionImportPath = InstitutionsPath + "/importeren";

    /// <summary>An institution's page; the ids "nieuw" and "importeren" are taken by the pages above.</summary>
    public static string InstitutionPath(string institutionId) => $"{InstitutionsPath}/{Escape(institutionId)}";

    /// <summary>The registry narrowed to the round's institutions without an active contact person.</summary>
    public static string WithoutContactPath(string roundId) => $"{InstitutionsPath}?{InstitutionsPage.RoundQuery}={Escape(roundId)}";

    public static string RoundPath(string roundId) => $"{RoundsPath}/{Escape(roundId)}";

    public static string SectorsPath(string roundId) => $"{RoundPath(roundId)}/sectoren";

    public static string SectorPath(string roundId, string type, bool published = false) =>
        $"{SectorsPath(roundId)}/{Escape(type)}" + (published ? $"?{SectorViewsPage.ViewQuery}={SectorViewsPage.PublishedValue}" : "");

    public static string ParticipationPath(string participationId) => $"/bureau/deelnames/{Escape(participationId)}";

    public static string ReviewPath(string participationId) => ParticipationPath(participationId) + "/beoordeling";

    public static string FindingsPath(string participationId) => ParticipationPath(participationId) + "/bevindingen";

    public static IEndpointRouteBuilder MapBureauPages(this IEndpointRouteBuilder routes)
    {
        var bureau = routes.MapGroup("/bureau").ExcludeFromDescription()
            .RequireAuthorization(Policies.Bureau).WithMetadata(HiddenFromMinistry.Instance);
        bureau.MapGet("/rondes", RoundsPage.ShowAsync);
        // A literal segment wins over {roundId}, so "nieuw" is the form, never a round.
        bureau.MapGet("/rondes/nieuw", NewRoundPage.ShowAsync);
        bureau.MapPost("/rondes/nieuw", NewRoundPage.CreateAsync).DisableAntiforgery();
        bureau.MapGet("/rondes/{roundId}/wijzigen", EditRoundPage.ShowAsync);
        bureau.MapPost("/rondes/{roundId}/wijzigen", EditRoundPage.SaveAsync).DisableAntiforgery();
        bureau.MapGet("/rondes/{roundId}/instellingen", RoundInstitutionsPage.ShowAsync);
        bureau.MapPost("/rondes/{roundId}/instellingen", RoundInstitutionsPage.AddAsync).DisableAntiforgery();
        bureau.MapPost("/deelnames/{participationId}/verwijderen", RoundInstitutionsPage.RemoveAsync).DisableAntiforgery();
        bureau.MapPost("/deelnames/{participationId}/deadline", RoundInstitutionsPage.ChangeDeadlineAsync).DisableAntiforgery();
        bureau.MapGet("/rondes/{roundId}", RoundDashboardPage.ShowAsync);
        bureau.MapPost("/rondes/{roundId}/uitnodigingen", RoundActionsPage.SendInvitationsAsync).DisableAntiforgery();
        bureau.MapPost("/rondes/{roundId}/rapporten", RoundActionsPage.RenderReportsAsync).DisableAntiforgery();
        RoundStatusPage.Map(bureau);
        bureau.MapGet("/rondes/{roundId}/sectoren", SectorViewsPage.ListAsync);
        bureau.MapGet("/rondes/{roundId}/sectoren/{institutionType}", SectorViewsPage.ShowAsync);
        MapDeepDivePages(bureau);
        bureau.MapGet("/rondes/{roundId}/sectoren/{institutionType}/bevindingen", SectorFindingsPage.ShowAsync);
        bureau.MapPost("/rondes/{roundId}/sectoren/{institutionType}/bevindingen", SectorFindingsPage.SaveAsync).DisableAntiforgery();
        bureau.MapPost("/rondes/{roundId}/sectoren/{institutionType}/bevindingen/goedkeuring", SectorFindingsPage.ApproveAsync).DisableAntiforgery();
        bureau.MapGet("/deelnames/{participationId}", ParticipationPage.ShowAsync);
        bureau.MapGet("/deelnames/{participationId}/beoordeling", ReviewPage.ShowAsync);
        // Antiforgery is checked by the handlers, so that a stale form gets a page that says so rather than a bare 400.
        bureau.MapPost("/deelnames/{participationId}/beoordeling", ReviewPage.SubmitAsync).DisableAntiforgery();
        bureau.MapGet("/deelnames/{participationId}/bevindingen", FindingsPage.ShowAsync);
        bureau.MapPost("/deelnames/{participationId}/bevindingen", FindingsPage.SaveAsync).DisableAntiforgery();
        bureau.MapGet("/deelnames/{participationId}/scores", ValidatedScoresPage.ShowAsync);
        bureau.MapPost("/deelnames/{participationId}/scores/{themeKey}", ValidatedScoresPage.SaveAsync).DisableAntiforgery();
        bureau.MapAdminPages();
        MapInstitutionPages(bureau);
        MapCyclePages(bureau);
        return routes;
    }

    /// <summary>The deep-dive (confidential, bureau only): a sector's selection and the records per selected institution.</summary>
    private static void MapDeepDivePages(RouteGroupBuilder bureau)
    {
        bureau.MapGet("/rondes/{roundId}/verdieping/{institutionType}", DeepDivePage.ShowAsync);
        bureau.MapPost("/rondes/{roundId}/verdieping/{institutionType}", DeepDivePage.SaveAsync).DisableAntiforgery();
        bureau.MapGet("/rondes/{roundId}/verdieping/{institutionType}/{institutionId}", DeepDiveInstitutionPage.ShowAsync);
        bureau.MapPost("/rondes/{roundId}/verdieping/{institutionType}/{institutionId}", DeepDiveInstitutionPage.SaveAsync).DisableAntiforgery();
        bureau.MapPost("/rondes/{roundId}/verdieping/{institutionType}/{institutionId}/verwijderen", DeepDiveInstitutionPage.DeleteAsync).DisableAntiforgery();
    }

    /// <summary>The audit cycles: the list, a cycle's waves and summary editor, and the summary's approval by a second analyst.</summary>
    private static void MapCyclePages(RouteGroupBuilder bureau)
    {
        bureau.MapGet("/cycli", CyclesPage.ShowAsync);
        bureau.MapGet("/cycli/{cycle}", CyclePage.ShowAsync);
        bureau.MapPost("/cycli/{cycle}", CyclePage.SaveAsync).DisableAntiforgery();
        bureau.MapGet("/cycli/{cycle}/goedkeuring", CyclePage.ShowApprovalAsync);
        bureau.MapPost("/cycli/{cycle}/goedkeuring", CyclePage.ApproveAsync).DisableAntiforgery();
    }

    /// <summary>The registry, an institution's contact persons and the CSV imports; literal segments win over <c>{id}</c>.</summary>
    private static void MapInstitutionPages(RouteGroupBuilder bureau)
    {
        bureau.MapGet("/instellingen", InstitutionsPage.ListAsync);
        bureau.MapGet("/instellingen/nieuw", InstitutionsPage.ShowNew);
        bureau.MapPost("/instellingen/nieuw", InstitutionsPage.CreateAsync).DisableAntiforgery();
        bureau.MapGet("/instellingen/importeren", InstitutionImportPage.Show);
        bureau.MapPost("/instellingen/importeren", InstitutionImportPage.PostAsync).DisableAntiforgery();
        bureau.MapGet("/instellingen/{id}", InstitutionPage.ShowAsync);
        bureau.MapPost("/instellingen/{id}", InstitutionPage.SaveAsync).DisableAntiforgery();
        bureau.MapPost("/instellingen/{id}/contactpersonen", InstitutionPage.AddContactAsync).DisableAntiforgery();
        bureau.MapPost("/instellingen/{id}/contactpersonen/{userId}", InstitutionPage.UpdateContactAsync).DisableAntiforgery();
        bureau.MapPost("/instellingen/{id}/contactpersonen/{userId}/uitnodiging", InstitutionPage.ReinviteAsync).DisableAntiforgery();
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
