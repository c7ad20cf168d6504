using Audit.Api.Access;
using Audit.Api.Pages.Bureau;
using Audit.Api.Pages.Sectors;
using Audit.Api.Questionnaires;
using Audit.Application.Questionnaires;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;

namespace Audit.Api.Pages.Ministry;

/// <summary>
/// The ministry's pages: the published rounds, and per round and institution type the published sector view with the
/// sector report (HTML, from the reports API) and its open-data CSV. They read only published rounds and only the
/// published form of a view, which is computed already suppressed; anything else is a 404. The ministry reaches
/// nothing else (see <see cref="MinistryNotFoundResultHandler"/>).
/// </summary>
public static class MinistryPages
{
    public const string RoundsPath = "/ministerie/rondes";
    public const string RoundsName = "ministry-rounds";
    public const string SectorName = "ministry-sector";

    public static readonly IReadOnlyList<string> PageNames = [RoundsName, SectorName];

    public sealed record SectorLink(string Type, bool Withheld, string Href);

    public sealed record RoundItem(string Id, string Title, DateTimeOffset ClosesAt, string ParliamentReportHref, IReadOnlyList<SectorLink> Sectors);

    public sealed record RoundsModel(IReadOnlyList<RoundItem> Rounds);

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

    public static async Task<HtmlPage> RoundsAsync(IRoundRepository rounds, ISectorViewRepository views, CancellationToken cancellationToken)
    {
        var page = await rounds.ListAsync(new RoundQuery(RoundStatus.Published), new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
        var items = new List<RoundItem>();
        foreach (var round in page.Items.Select(r => r.Round))
        {
            var sectors = (await views.ListCurrentAsync(round.Id, cancellationToken)).OrderBy(v => v.InstitutionType, StringComparer.Ordinal)
                .Select(v => new SectorLink(v.InstitutionType, v.Suppressed, SectorPath(round.Id, v.InstitutionType))).ToList();
            items.Add(new RoundItem(round.Id, round.Title, round.ClosesAt, $"/api/v1/rounds/{Uri.EscapeDataString(round.Id)}/parliament-report", sectors));
        }
        return new HtmlPage(RoundsName, new RoundsModel(items));
    }

    public static async Task<IResult> SectorAsync(
        string roundId, string institutionType, IRoundRepository rounds, ISectorViewRepository views, QuestionnaireCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (await rounds.GetAsync(roundId, cancellationToken) is not { Round.Status: RoundStatus.Published } round
            || await views.GetCurrentAsync(roundId, institutionType, cancellationToken) is not { } stored)
        {
            return Results.NotFound();
        }
        var questionnaire = await catalog.GetAsync(round.Round.Questionnaire.Key, round.Round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {roundId} refers to a missing questionnaire.");
        // Only the published form is ever read here.
        var tables = SectorTables.Of(questionnaire, SectorViewJson.Deserialize(stored.PublishedJson));
        return new HtmlPage(SectorName, new SectorModel(roundId, round.Round.Title, institutionType, tables,
            SectorViewsPage.ReportHref(roundId, institutionType), SectorViewsPage.CsvHref(roundId, institutionType), RoundsPath));
    }
}
