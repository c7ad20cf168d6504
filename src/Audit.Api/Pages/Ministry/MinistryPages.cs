using Audit.Api.Pages.Bureau;
using Audit.Api.Pages.Shared;
using Audit.Application.CycleFindings;
using Audit.Application.SectorViews;

namespace Audit.Api.Pages.Ministry;

/// <summary>
/// The ministry's pages: the published rounds, and per round and institution type the published sector view with the
/// sector report (HTML, from the reports API) and its open-data CSV. They read through <see cref="ReadSectorViews"/>,
/// which gives the ministry only published rounds and only the published form of a view (computed already
/// suppressed); anything else is a 404. The ministry reaches
/// nothing else (see <see cref="MinistryNotFoundResultHandler"/>).
/// </summary>
public static class MinistryPages
{
    public const string RoundsPath = "/ministerie/rondes";
    public const string RoundsName = "ministry/rounds";
    public const string SectorName = "ministry/sector";

    public static readonly IReadOnlyList<string> PageNames = [RoundsName, SectorName];

    public sealed record SectorLink(string Type, bool Withheld, string Href);

    public sealed record RoundItem(string Id, string Title, DateTimeOffset ClosesAt, string ParliamentReportHref, IReadOnlyList<SectorLink> Sectors);

    /// <summary>An audit cycle with a published wave: its national report to parliament, over <see cref="Waves"/> (published only).</summary>
    public sealed record CycleItem(string Cycle, IReadOnlyList<string> Waves, string ParliamentReportHref);

    public sealed record RoundsModel(IReadOnlyList<RoundItem> Rounds, IReadOnlyList<CycleItem> Cycles);

    public sealed record SectorModel(string RoundId, string RoundTitle, string Type, SectorTables Tables, string ReportHref, string CsvHref, string BackHref);

    public static string SectorPath(string roundId, string type) =>
        $"{RoundsPath}/{Uri.EscapeDataString(roundId)}/sectoren/{Uri.EscapeDataString(type)}";

    public static IEndpointRouteBuilder MapMinistryPages(this IEndpointRouteBuilder routes)
    {
        var ministry = routes.MapGroup("/ministerie").ExcludeFromDescription().RequireAuthorization(Policies.Ministry);
        ministry.MapGet("/rondes", RoundsAsync);
        ministry.MapGet("/rondes/{roundId}/sectoren/{institutionType}", SectorAsync);
        return routes;
    }

    public static async Task<HtmlPage> RoundsAsync(
        ClaimsPrincipal principal, ReadSectorViews read, ReadPublishedCycles readCycles, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        // The ministry may read every cycle with a published wave; a refusal (never for the ministry) shows none.
        var cycles = (await readCycles.ExecuteAsync(caller, cancellationToken)).TryGetValue(out var published, out _)
            ? published.Select(c => new CycleItem(c.Cycle, [.. c.Waves.Select(w => w.Round.Title)], Bureau.CyclePage.ReportHref(c.Cycle))).ToList()
            : [];
        var items = (await read.PublishedRoundsAsync(caller, cancellationToken)).Select(p => new RoundItem(
            p.Round.Id, p.Round.Title, p.Round.ClosesAt, $"/api/v1/rounds/{Uri.EscapeDataString(p.Round.Id)}/parliament-report",
            [.. p.Views.OrderBy(v => v.InstitutionType, StringComparer.Ordinal).Select(v => new SectorLink(v.InstitutionType, v.Suppressed, SectorPath(p.Round.Id, v.InstitutionType)))]))
            .ToList();
        return new HtmlPage(RoundsName, new RoundsModel(items, cycles));
    }

    public static async Task<IResult> SectorAsync(
        string roundId, string institutionType, ClaimsPrincipal principal, ReadSectorViews read, CancellationToken cancellationToken)
    {
        // The ministry is only ever given the published form, and only of a published round.
        if (!(await read.GetAsync(principal.ToCaller(), roundId, institutionType, published: true, cancellationToken)).TryGetValue(out var found, out var failure))
        {
            return Results.StatusCode(OutcomeProblems.StatusOf(failure));
        }
        return new HtmlPage(SectorName, new SectorModel(roundId, found.Round.Round.Title, institutionType, SectorTables.Of(found.Questionnaire, found.View()),
            SectorViewsPage.ReportHref(roundId, institutionType), SectorViewsPage.CsvHref(roundId, institutionType), RoundsPath));
    }
}
