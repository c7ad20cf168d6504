using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Questionnaires;
using Audit.Api.Rounds;
using Audit.Application.Questionnaires;
using Audit.Core.Access;
using Audit.Core.Answers;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Http.HttpResults;
using static Audit.Api.Rounds.RoundProgressApi;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}</c>: the progress dashboard. Per institution its status, answered/required and days to
/// the deadline, filtered by type and status with a plain GET form (so it works without script and the filtered view
/// can be bookmarked); the number of participations per type and status; links to each participation, the sector
/// views and the exports. The figures are the progress API's own (<see cref="RoundProgressApi"/>).
/// The buttons to send invitations and render reports post to <see cref="RoundActionsPage"/>, which comes back here
/// with a notice.
/// </summary>
public static class RoundDashboardPage
{
    public const string Name = "bureau-round";
    public const string TypeQuery = "type";
    public const string StatusQuery = "status";

    public sealed record RoundInfo(string Id, string Title, string Status, DateTimeOffset ClosesAt, int DaysToDeadline);

    /// <summary><see cref="Counts"/> follow <see cref="Model.Statuses"/>.</summary>
    public sealed record TotalsRow(string Type, int Participations, IReadOnlyList<int> Counts);

    public sealed record Row(
        string Href, string InstitutionId, string InstitutionName, string Type, string Status, int Answered, int Required,
        DateTimeOffset? LastActivityAt, int? DaysToDeadline, string? ReviewHref);

    public sealed record ExportLink(string Type, string Href);

    public sealed record Model(
        RoundInfo Round, string? TypeFilter, string? StatusFilter, IReadOnlyList<string> Types, IReadOnlyList<string> Statuses,
        IReadOnlyList<TotalsRow> Totals, IReadOnlyList<Row> Rows, int Total, string SectorsHref,
        IReadOnlyList<ExportLink> CsvLinks, string XlsxHref, string RenderAction, string RenderedHref, bool IsAdmin,
        string InvitationsAction, RoundNotice? Notice);

    public static async Task<IResult> ShowAsync(
        string roundId, HttpContext context, ClaimsPrincipal principal, IRoundRepository rounds, IRoundProgressQuery progress, IRoundAnswersReader answers,
        QuestionnaireCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await RoundProgressApi.GetAsync(roundId, rounds, progress, answers, catalog, clock, cancellationToken);
        if (result.Result is not Ok<RoundProgressResponse> { Value: { } overview })
        {
            return Results.NotFound();
        }
        var record = (await rounds.GetAsync(roundId, cancellationToken))!;
        var statuses = ParticipationStatuses.WireNames.ToList();
        var types = overview.Totals.Select(t => t.InstitutionType).ToList();
        // An unknown filter value (a hand-edited address) filters nothing, rather than showing an empty list.
        var type = types.FirstOrDefault(t => t == context.Request.Query[TypeQuery].ToString());
        var status = statuses.FirstOrDefault(s => s == context.Request.Query[StatusQuery].ToString());
        var rows = overview.Participations
            .Where(p => (type is null || p.InstitutionType == type) && (status is null || p.Status == status))
            .OrderBy(p => p.InstitutionName, StringComparer.CurrentCulture)
            .Select(p => new Row(BureauPages.ParticipationPath(p.ParticipationId), p.InstitutionId, p.InstitutionName, p.InstitutionType, p.Status,
                p.Answered, p.Required, p.LastActivityAt, p.DaysToDeadline,
                p.Status == ParticipationStatus.Submitted.ToWireName() ? BureauPages.ReviewPath(p.ParticipationId) : null))
            .ToList();
        var totals = overview.Totals.Select(t => new TotalsRow(t.InstitutionType, t.Participations, statuses.Select(s => t.Statuses[s]).ToList())).ToList();
        var model = new Model(
            new RoundInfo(record.Round.Id, record.Round.Title, overview.RoundStatus, overview.ClosesAt, overview.DaysToDeadline),
            type, status, types, statuses, totals, rows, overview.Participations.Count, BureauPages.SectorsPath(roundId),
            types.Select(t => new ExportLink(t, SectorViewsPage.CsvHref(roundId, t))).ToList(),
            $"/api/v1/rounds/{Uri.EscapeDataString(roundId)}/exports/answers.xlsx",
            RoundActionsPage.RenderPath(roundId), $"/api/v1/rounds/{Uri.EscapeDataString(roundId)}/reports",
            principal.GetRole() == Role.Admin, RoundActionsPage.InvitationsPath(roundId), RoundActionsPage.NoticeFrom(context.Request.Query));
        return new HtmlPage(Name, model);
    }
}
