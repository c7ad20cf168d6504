using Audit.Application.CycleFindings;
using Audit.Application.SectorFindings;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/cycli</c>: the audit cycles the rounds name (newest first), each with its waves and the status of its
/// summary, read through <see cref="ReadCycles"/>. A round joins a cycle on its own form (field <c>cyclus</c>).
/// </summary>
public static class CyclesPage
{
    public const string Path = "/bureau/cycli";
    public const string Name = "bureau/cycles";

    public sealed record Wave(string Title, string Status, string Href);

    /// <param name="Status">none, draft, approved or changed: the cycle summary's.</param>
    public sealed record Item(string Cycle, string Href, IReadOnlyList<Wave> Waves, string Status);

    public sealed record Model(IReadOnlyList<Item> Cycles, string RoundsHref);

    public static async Task<IResult> ShowAsync(ClaimsPrincipal principal, ReadCycles read, CancellationToken cancellationToken)
    {
        if (!(await read.ExecuteAsync(principal.ToCaller(), cancellationToken)).TryGetValue(out var cycles, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        return new HtmlPage(Name, new Model([.. cycles.Select(c => new Item(c.Cycle, CyclePage.Path(c.Cycle),
            [.. c.Rounds.Select(r => new Wave(r.Round.Title, r.Round.Status.ToWireName(), BureauPages.RoundPath(r.Round.Id)))],
            c.Summary is null ? "none" : FourEyes.StatusOf(c.Summary)))], BureauPages.RoundsPath));
    }
}
