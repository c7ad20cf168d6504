using System.Globalization;
using Audit.Application.Invitations;
using Audit.Application.Reports;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// The buttons on a round's dashboard: send the invitation mails and render the round's reports. Plain form posts with
/// antiforgery that call the same use case and job as the API, then send the browser back to the dashboard with what
/// happened (post/redirect/get, so a reload does not press the button again). Both are safe to press twice anyway:
/// a second invitation press mails nobody new, and a second render stores nothing new.
/// </summary>
public static class RoundActionsPage
{
    public const string NoticeQuery = "bericht";
    public const string ResendField = "opnieuw";

    /// <summary>The notice keys under <c>t.bureau.round.notices</c>; counts follow in the <c>n</c> query values.</summary>
    public static readonly IReadOnlyList<string> NoticeKeys =
        ["invited", "round_not_open", "no_public_url", "render_requested"];

    public static string InvitationsPath(string roundId) => BureauPages.RoundPath(roundId) + "/uitnodigingen";

    public static string RenderPath(string roundId) => BureauPages.RoundPath(roundId) + "/rapporten";

    public static async Task<IResult> SendInvitationsAsync(
        string roundId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, SendRoundInvitations send,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var resend = form[ResendField].ToString() == "ja";
        var outcome = await send.ExecuteAsync(principal.ToCaller(), roundId, institutionType: null, resend, cancellationToken);
        if (outcome.TryGetValue(out var batch, out var failure))
        {
            return Back(roundId, "invited", batch.Queued, batch.Resent, batch.SkippedAlreadyInvited, batch.WithoutContact);
        }
        return failure switch
        {
            Failure.Conflict => Back(roundId, "round_not_open"),
            Failure.Unavailable => Back(roundId, "no_public_url"),
            _ => Results.StatusCode(OutcomeProblems.StatusOf(failure)),
        };
    }

    public static async Task<IResult> RenderReportsAsync(
        string roundId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, RenderRoundReports render,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is null)
        {
            return BureauForms.Refused(context);
        }
        var requested = await render.ExecuteAsync(principal.ToCaller(), roundId, fromWebPage: true, cancellationToken);
        return requested.IsOk ? Back(roundId, "render_requested") : Results.StatusCode(OutcomeProblems.StatusOf(requested.Failure));
    }

    /// <summary>The notice to show, read from the redirect's query; null for anything not made by <see cref="Back"/>.</summary>
    public static RoundNotice? NoticeFrom(IQueryCollection query)
    {
        var key = query[NoticeQuery].ToString();
        if (!NoticeKeys.Contains(key, StringComparer.Ordinal))
        {
            return null;
        }
        var counts = query["n"].Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();
        return new RoundNotice(key, key == "invited" && counts.Count == 4 ? counts : [0, 0, 0, 0], key is "invited" or "render_requested");
    }

    private static IResult Back(string roundId, string notice, params int[] counts) =>
        Results.Redirect($"{BureauPages.RoundPath(roundId)}?{NoticeQuery}={notice}" +
            string.Concat(counts.Select(c => "&n=" + c.ToString(CultureInfo.InvariantCulture))) + "#acties");
}

/// <summary>What a button on the dashboard did. For invitations <see cref="Counts"/> are queued, resent, skipped and without contact.</summary>
public sealed record RoundNotice(string Key, IReadOnlyList<int> Counts, bool Ok);
