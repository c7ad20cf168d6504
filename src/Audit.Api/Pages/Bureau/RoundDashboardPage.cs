using Audit.Application.Rounds;
using Audit.Core.Institutions;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}</c>: the progress dashboard. Per institution its status, required answered of required
/// (the figure the respondent sees) and days to
/// the deadline, filtered by type and status with a plain GET form (so it works without script and the filtered view
/// can be bookmarked); the number of participations per type and status; links to each participation, the sector
/// views and the exports. The figures are those of the progress API (both read <see cref="ReadRoundProgress"/>).
/// The buttons to send invitations and render reports post to <see cref="RoundActionsPage"/>, which comes back here
/// with a notice.
/// </summary>
public static class RoundDashboardPage
{
    public const string Name = "bureau/round";
    public const string TypeQuery = "type";
    public const string StatusQuery = "status";

    public sealed record RoundInfo(string Id, string Title, string Status, DateTimeOffset ClosesAt, int DaysToDeadline);

    /// <summary><see cref="Counts"/> follow <see cref="Model.Statuses"/>.</summary>
    public sealed record TotalsRow(string Type, int Participations, IReadOnlyList<int> Counts);

    public sealed record Row(
        string Href, string InstitutionId, string InstitutionName, string Type, string Status, int Answered, int Required,
        DateTimeOffset? LastActivityAt, int? DaysToDeadline, string? ReviewHref, int RequiredAnswered);

    public sealed record ExportLink(string Type, string Href);

    public sealed record Model(
        RoundInfo Round, string? TypeFilter, string? StatusFilter, IReadOnlyList<string> Types, IReadOnlyList<string> Statuses,
        IReadOnlyList<TotalsRow> Totals, IReadOnlyList<Row> Rows, int Total, string SectorsHref,
        IReadOnlyList<ExportLink> CsvLinks, string XlsxHref, string RenderAction, string RenderedHref, bool IsAdmin,
        string InvitationsAction, RoundNotice? Notice, RoundStatusPage.StatusActions? StatusActions = null,
        AnalysisLinks? Analysis = null, string? Cycle = null, string? CycleHref = null, IReadOnlyList<ExportLink>? DeepDiveLinks = null);

    /// <summary>The analysis exports (R, SPSS, Stata): this round, with submitted ones too, and the trend against the baseline if there is one.</summary>
    public sealed record AnalysisLinks(string RoundHref, string WithSubmittedHref, string? TrendHref, string? BaselineRoundId);

    public static AnalysisLinks AnalysisLinksFor(Round round)
    {
        var zip = $"/api/v1/rounds/{Uri.EscapeDataString(round.Id)}/exports/analysis.zip";
        var trend = round.BaselineRoundId is { } baseline
            ? $"/api/v1/exports/trend.zip?rounds={Uri.EscapeDataString(baseline)},{Uri.EscapeDataString(round.Id)}"
            : null;
        return new AnalysisLinks(zip, zip + "?include=submitted", trend, round.BaselineRoundId);
    }

    public static async Task<IResult> ShowAsync(
        string roundId, HttpContext context, ClaimsPrincipal principal, ReadRoundProgress read, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        var outcome = await read.ExecuteAsync(caller, roundId, cancellationToken);
        if (!outcome.TryGetValue(out var overview, out var failure))
        {
            return Results.StatusCode(OutcomeProblems.StatusOf(failure));
        }
        var round = overview.Round.Round;
        var statuses = ParticipationStatuses.WireNames.ToList();
        var types = overview.Totals.Select(t => t.Type.ToWireName()).ToList();
        // An unknown filter value (a hand-edited address) filters nothing, rather than showing an empty list.
        var type = types.FirstOrDefault(t => t == context.Request.Query[TypeQuery].ToString());
        var status = statuses.FirstOrDefault(s => s == context.Request.Query[StatusQuery].ToString());
        var rows = overview.Participations
            .Where(l => (type is null || l.Participation.InstitutionType.ToWireName() == type)
                        && (status is null || l.Participation.Status.ToWireName() == status))
            .OrderBy(l => l.Participation.InstitutionName, StringComparer.CurrentCulture)
            .Select(RowOf)
            .ToList();
        var totals = overview.Totals.Select(t => new TotalsRow(t.Type.ToWireName(), t.Participations, t.Statuses.Select(s => s.Value).ToList())).ToList();
        var model = new Model(
            new RoundInfo(round.Id, round.Title, round.Status.ToWireName(), round.ClosesAt, overview.DaysToDeadline),
            type, status, types, statuses, totals, rows, overview.Participations.Count, BureauPages.SectorsPath(roundId),
            types.Select(t => new ExportLink(t, SectorViewsPage.CsvHref(roundId, t))).ToList(),
            $"/api/v1/rounds/{Uri.EscapeDataString(roundId)}/exports/answers.xlsx",
            RoundActionsPage.RenderPath(roundId), $"/api/v1/rounds/{Uri.EscapeDataString(roundId)}/reports",
            caller.IsAdmin, RoundActionsPage.InvitationsPath(roundId), RoundActionsPage.NoticeFrom(context.Request.Query),
            RoundStatusPage.ActionsFor(round, caller.IsAdmin, context.Request.Query), AnalysisLinksFor(round), round.Cycle,
            round.Cycle is { } cycle ? CyclePage.Path(cycle) : null, [.. types.Select(t => new ExportLink(t, DeepDivePage.Path(roundId, t)))]);
        return new HtmlPage(Name, model);
    }

    private static Row RowOf(ParticipationProgressLine line)
    {
        var p = line.Participation;
        return new Row(BureauPages.ParticipationPath(p.ParticipationId), p.InstitutionId, p.InstitutionName, p.InstitutionType.ToWireName(),
            p.Status.ToWireName(), line.Answered, line.Required, p.LastActivityAt, line.DaysToDeadline,
            p.Status == ParticipationStatus.Submitted ? BureauPages.ReviewPath(p.ParticipationId) : null, line.RequiredAnswered);
    }
}
