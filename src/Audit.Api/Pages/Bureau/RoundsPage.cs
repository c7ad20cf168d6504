using Audit.Application.Requests;
using Audit.Application.Rounds;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Bureau;

/// <summary><c>/bureau/rondes</c>: every round, newest first, with its status, period and links to its dashboard and sector views.</summary>
public static class RoundsPage
{
    public const string Name = "bureau/rounds";

    public sealed record RoundRow(string Id, string Title, string Status, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, string Href, string SectorsHref);

    public sealed record Model(IReadOnlyList<RoundRow> Rounds, bool More);

    public static async Task<IResult> ShowAsync(ClaimsPrincipal principal, ReadRounds read, CancellationToken cancellationToken)
    {
        // One page of the largest size: an audit has a round or two a year, so paging would only get in the way.
        var outcome = await read.ExecuteAsync(principal.ToCaller(), status: null, PageInput.All, cancellationToken);
        if (!outcome.TryGetValue(out var page, out var failure))
        {
            return Results.StatusCode(OutcomeProblems.StatusOf(failure));
        }
        var rows = page.Items.Select(r => r.Round).Select(r => new RoundRow(r.Id, r.Title, r.Status.ToWireName(), r.OpensAt, r.ClosesAt,
            BureauPages.RoundPath(r.Id), BureauPages.SectorsPath(r.Id))).ToList();
        return new HtmlPage(Name, new Model(rows, page.Total > rows.Count));
    }
}
