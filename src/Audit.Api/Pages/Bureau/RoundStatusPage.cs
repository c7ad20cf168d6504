using Audit.Application.Rounds;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}/openen</c> and <c>…/sluiten</c>: the confirmation pages of a round's status changes,
/// saying what will happen (open: institutions can fill in; close: nothing can be changed any more). The post goes
/// through <see cref="ChangeRoundStatus"/>, as <c>POST /api/v1/rounds/{roundId}/status-changes</c> does, and returns to
/// the dashboard with a notice (post/redirect/get); a refusal comes back as the page with what stopped it (409).
/// Publishing has its own page with the preview (<see cref="PublicationPage"/>). The routes of both are mapped here.
/// </summary>
public static class RoundStatusPage
{
    public const string Name = "bureau/round-status";
    public const string OpenSegment = "openen";
    public const string CloseSegment = "sluiten";

    public static readonly IReadOnlyList<string> PageNames = [Name, PublicationPage.Name, PublicationPage.SectorName];

    /// <summary>The notices of a change that went through, shown on the dashboard (<c>?bericht=</c>).</summary>
    public static readonly IReadOnlyList<string> NoticeKeys = ["status_open", "status_closed", "status_published"];

    /// <summary>One way the round can move from here, as a button on the dashboard that leads to its confirmation page.</summary>
    public sealed record StatusAction(string Key, string Href, bool Primary);

    /// <summary>The dashboard's status section: the moves there are now, the preview, and the notice of a move just made.</summary>
    public sealed record StatusActions(string Status, bool IsAdmin, IReadOnlyList<StatusAction> Actions, string? PreviewHref, string? Notice);

    /// <param name="Target">The status the page moves to (open or closed); <see cref="Reopen"/>: open again after closing.</param>
    public sealed record Model(
        string RoundId, string Title, string Status, string Target, bool Reopen, bool Allowed, bool IsAdmin, string Action, string BackHref,
        IReadOnlyList<PageError> Errors);

    public static string OpenPath(string roundId) => BureauPages.RoundPath(roundId) + "/" + OpenSegment;

    public static string ClosePath(string roundId) => BureauPages.RoundPath(roundId) + "/" + CloseSegment;

    public static void Map(RouteGroupBuilder bureau)
    {
        // Antiforgery is checked by the handlers, so that a stale form gets a page that says so rather than a bare 400.
        bureau.MapGet("/rondes/{roundId}/" + OpenSegment, ShowOpenAsync);
        bureau.MapPost("/rondes/{roundId}/" + OpenSegment, OpenAsync).DisableAntiforgery();
        bureau.MapGet("/rondes/{roundId}/" + CloseSegment, ShowCloseAsync);
        bureau.MapPost("/rondes/{roundId}/" + CloseSegment, CloseAsync).DisableAntiforgery();
        bureau.MapGet("/rondes/{roundId}/" + PublicationPage.Segment, PublicationPage.ShowAsync);
        bureau.MapPost("/rondes/{roundId}/" + PublicationPage.Segment, PublicationPage.PublishAsync).DisableAntiforgery();
        bureau.MapGet("/rondes/{roundId}/" + PublicationPage.Segment + "/{institutionType}", PublicationPage.SectorAsync);
    }

    /// <summary>The dashboard's status section for <paramref name="round"/>, with the notice of <paramref name="query"/>.</summary>
    public static StatusActions ActionsFor(Round round, bool isAdmin, IQueryCollection query)
    {
        var actions = RoundTransitions.Allowed(round.Status).Select(to => to switch
        {
            RoundStatus.Open => new StatusAction(round.Status == RoundStatus.Closed ? "reopen" : "open", OpenPath(round.Id), round.Status == RoundStatus.Draft),
            RoundStatus.Closed => new StatusAction("close", ClosePath(round.Id), false),
            _ => new StatusAction("publish", PublicationPage.Path(round.Id), true),
        }).ToList();
        var notice = BureauForms.Message(query[RoundActionsPage.NoticeQuery].ToString(), [.. NoticeKeys]);
        return new StatusActions(round.Status.ToWireName(), isAdmin, actions,
            round.Status == RoundStatus.Published ? null : PublicationPage.Path(round.Id), notice);
    }

    public static Task<IResult> ShowOpenAsync(string roundId, ClaimsPrincipal principal, ReadRounds read, CancellationToken cancellationToken) =>
        ShowAsync(roundId, RoundStatus.Open, principal, read, cancellationToken);

    public static Task<IResult> ShowCloseAsync(string roundId, ClaimsPrincipal principal, ReadRounds read, CancellationToken cancellationToken) =>
        ShowAsync(roundId, RoundStatus.Closed, principal, read, cancellationToken);

    public static Task<IResult> OpenAsync(
        string roundId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, ReadRounds read, ChangeRoundStatus change,
        CancellationToken cancellationToken) =>
        ChangeAsync(roundId, RoundStatus.Open, context, antiforgery, principal, read, change, cancellationToken);

    public static Task<IResult> CloseAsync(
        string roundId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, ReadRounds read, ChangeRoundStatus change,
        CancellationToken cancellationToken) =>
        ChangeAsync(roundId, RoundStatus.Closed, context, antiforgery, principal, read, change, cancellationToken);

    private static async Task<IResult> ShowAsync(string roundId, RoundStatus target, ClaimsPrincipal principal, ReadRounds read, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        return (await read.GetAsync(caller, roundId, cancellationToken)).TryGetValue(out var record, out var failure)
            ? Page(record.Round, target, caller.IsAdmin, [], StatusCodes.Status200OK)
            : BureauForms.Failed(failure);
    }

    private static async Task<IResult> ChangeAsync(
        string roundId, RoundStatus target, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, ReadRounds read,
        ChangeRoundStatus change, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is null)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var changed = await change.ExecuteAsync(caller, roundId, target.ToWireName(), cancellationToken);
        if (changed.TryGetValue(out _, out var failure))
        {
            return Back(roundId, "status_" + target.ToWireName());
        }
        if (failure is not Failure.Conflict || !(await read.GetAsync(caller, roundId, cancellationToken)).TryGetValue(out var now, out _))
        {
            return BureauForms.Failed(failure);
        }
        // Moved meanwhile (or pressed twice): the page as it is now, saying the change did not go through.
        return Page(now.Round, target, caller.IsAdmin, [new PageError(null, "not_allowed")], StatusCodes.Status409Conflict);
    }

    private static HtmlPage Page(Round round, RoundStatus target, bool isAdmin, IReadOnlyList<PageError> errors, int status) =>
        new(Name, new Model(round.Id, round.Title, round.Status.ToWireName(), target.ToWireName(),
            target == RoundStatus.Open && round.Status == RoundStatus.Closed, RoundTransitions.Check(round.Status, target).IsAllowed, isAdmin,
            target == RoundStatus.Open ? OpenPath(round.Id) : ClosePath(round.Id), BureauPages.RoundPath(round.Id), errors), status);

    /// <summary>To the dashboard's status section with the notice of what happened.</summary>
    public static IResult Back(string roundId, string notice) =>
        Results.Redirect($"{BureauPages.RoundPath(roundId)}?{RoundActionsPage.NoticeQuery}={notice}#status");
}
