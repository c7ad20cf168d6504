using Audit.Reports.Localization;
using Audit.Core.Time;
using Audit.Application.Access;
using System.Globalization;
using Audit.Application.Institutions;
using Audit.Application.Participations;
using Audit.Application.Requests;
using Audit.Application.Rounds;
using Audit.Core.Institutions;
using Audit.Core.Paging;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/rondes/{roundId}/instellingen</c>: the institutions of a round, with their effective deadline. While the
/// round is draft or open an admin adds institutions (every active one of some types, or chosen ones) through
/// <see cref="InviteParticipants"/> and removes one through <see cref="RemoveParticipation"/>; one with answers first
/// gets a confirmation page. The bureau gives one institution its own deadline through
/// <see cref="ChangeParticipationDeadline"/> (its contacts are mailed). Every change comes back here with a notice
/// (post/redirect/get); a deadline that cannot be read comes back at its field.
/// </summary>
public static class RoundInstitutionsPage
{
    public const string Name = "bureau/round-institutions";
    public const string ConfirmName = "bureau/participation-remove";
    public const string TypeField = "type";
    public const string InstitutionField = "instelling";
    public const string ConfirmField = "bevestigd";
    public const string DeadlineField = "sluit";

    /// <summary>The notice keys under <c>t.bureau_rounds.notices</c>; counts follow in the <c>n</c> query values.</summary>
    public static readonly IReadOnlyList<string> NoticeKeys =
        ["created", "created_skipped", "added", "removed", "deadline_saved", "not_editable", "nothing_chosen", "not_invitable", "forbidden"];

    private static readonly IReadOnlyList<string> ErrorNotices = ["not_editable", "nothing_chosen", "not_invitable", "forbidden"];

    public sealed record Row(
        string ParticipationId, string InstitutionName, string Type, string Status, int Answered, string ClosesAt, string ClosesAtIso,
        bool OwnDeadline, string DeadlineId, string? DeadlineValue, bool DeadlineError, string RemoveAction, string DeadlineAction, string Href);

    public sealed record Choice(string Value, string Label);

    public sealed record Notice(string Key, IReadOnlyList<int> Counts, bool Ok);

    public sealed record Model(
        string RoundId, string RoundTitle, string Status, bool Editable, bool IsAdmin, string RoundClosesAt, IReadOnlyList<Row> Rows,
        IReadOnlyList<string> Types, IReadOnlyList<Choice> Institutions, Notice? Notice, IReadOnlyList<PageError> Errors,
        string AddAction, string RoundHref, string EditHref);

    public sealed record ConfirmModel(string InstitutionName, string RoundTitle, int Answers, string Action, string CancelHref);

    public static string PathFor(string roundId) => BureauPages.RoundPath(roundId) + "/instellingen";

    public static string RemovePath(string participationId) => BureauPages.ParticipationPath(participationId) + "/verwijderen";

    public static string DeadlinePath(string participationId) => BureauPages.ParticipationPath(participationId) + "/deadline";

    public static string PathWith(string roundId, string notice, params int[] counts) =>
        $"{PathFor(roundId)}?{RoundActionsPage.NoticeQuery}={notice}" + string.Concat(counts.Select(c => "&n=" + c.ToString(CultureInfo.InvariantCulture)));

    public static async Task<IResult> ShowAsync(
        string roundId, HttpContext context, ClaimsPrincipal principal, ReadRoundProgress progress, ReadInstitutions institutions,
        CancellationToken cancellationToken) =>
        await PageAsync(roundId, context, principal.ToCaller(), progress, institutions, NoticeFrom(context.Request.Query), null, cancellationToken);

    public static async Task<IResult> AddAsync(
        string roundId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, InviteParticipants invite,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var types = form[TypeField].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
        var ids = form[InstitutionField].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
        if (types.Count == 0 && ids.Count == 0)
        {
            return Results.Redirect(PathWith(roundId, "nothing_chosen") + "#toevoegen");
        }
        // One form posts types, the other institutions: each calls the use case with what it chose.
        var outcome = await invite.ExecuteAsync(principal.ToCaller(), roundId,
            types.Count > 0 ? new Invitees(null, types) : new Invitees(ids, null), cancellationToken);
        if (outcome.TryGetValue(out var result, out var failure))
        {
            return Results.Redirect(PathWith(roundId, "added", result.CreatedIds.Count));
        }
        return failure switch
        {
            Failure.Conflict => Results.Redirect(PathWith(roundId, "not_editable")),
            Failure.Invalid => Results.Redirect(PathWith(roundId, "not_invitable") + "#toevoegen"),
            Failure.Forbidden => Results.Redirect(PathWith(roundId, "forbidden")),
            _ => BureauForms.Failed(failure),
        };
    }

    public static async Task<IResult> RemoveAsync(
        string participationId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, RemoveParticipation remove,
        ReadParticipations participations, ReadRounds rounds, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var found = await participations.GetAsync(caller, participationId, cancellationToken);
        if (!found.TryGetValue(out var participation, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var confirmed = form[ConfirmField].ToString() == "ja";
        var outcome = await remove.ExecuteAsync(caller, participationId, confirmed, cancellationToken);
        if (outcome.IsOk)
        {
            return Results.Redirect(PathWith(participation.RoundId, "removed", outcome.Value.Answers));
        }
        failure = outcome.Failure;
        if (failure is Failure.Conflict { Extensions: { } extensions } && extensions.TryGetValue("answers", out var answers) && answers is int count)
        {
            var round = await rounds.GetAsync(caller, participation.RoundId, cancellationToken);
            return new HtmlPage(ConfirmName, new ConfirmModel(participation.InstitutionName, round.IsOk ? round.Value.Round.Title : participation.RoundId,
                count, RemovePath(participationId), PathFor(participation.RoundId)), StatusCodes.Status409Conflict);
        }
        return failure switch
        {
            Failure.Conflict => Results.Redirect(PathWith(participation.RoundId, "not_editable")),
            Failure.Forbidden => Results.Redirect(PathWith(participation.RoundId, "forbidden")),
            _ => BureauForms.Failed(failure),
        };
    }

    public static async Task<IResult> ChangeDeadlineAsync(
        string participationId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, ChangeParticipationDeadline change,
        ReadParticipations participations, ReadRoundProgress progress, ReadInstitutions institutions, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var found = await participations.GetAsync(caller, participationId, cancellationToken);
        if (!found.TryGetValue(out var participation, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var typed = BureauForms.Text(form, DeadlineField);
        Outcome<ParticipationRecord> outcome = AmsterdamTime.TryParse(typed, out var closesAt)
            ? await change.ExecuteAsync(caller, participationId, closesAt, reset: false, cancellationToken)
            : Failure.Invalid.Field("closesAt", "is not a date and time");
        if (outcome.IsOk)
        {
            return Results.Redirect(PathWith(participation.RoundId, "deadline_saved") + "#deelnemers");
        }
        return outcome.Failure switch
        {
            Failure.Invalid => await PageAsync(participation.RoundId, context, caller, progress, institutions, null,
                new DeadlineTyped(participationId, typed), cancellationToken),
            Failure.Conflict => Results.Redirect(PathWith(participation.RoundId, "not_editable")),
            var other => BureauForms.Failed(other),
        };
    }

    /// <summary>A deadline the use case refused, shown again at its row's field.</summary>
    private sealed record DeadlineTyped(string ParticipationId, string? Value);

    private static Notice? NoticeFrom(IQueryCollection query)
    {
        var key = query[RoundActionsPage.NoticeQuery].ToString();
        if (!NoticeKeys.Contains(key, StringComparer.Ordinal))
        {
            return null;
        }
        var counts = query["n"].Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();
        return new Notice(key, counts.Count >= 2 ? counts : [.. counts, .. Enumerable.Repeat(0, 2 - counts.Count)], !ErrorNotices.Contains(key));
    }

    private static async Task<IResult> PageAsync(
        string roundId, HttpContext context, Caller caller, ReadRoundProgress progress, ReadInstitutions institutions, Notice? notice,
        DeadlineTyped? typed, CancellationToken cancellationToken)
    {
        var outcome = await progress.ExecuteAsync(caller, roundId, cancellationToken);
        if (!outcome.TryGetValue(out var overview, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var round = overview.Round.Round;
        var language = PageLanguage.Resolve(context);
        var rows = overview.Participations
            .OrderBy(l => l.Participation.InstitutionName, StringComparer.CurrentCulture)
            .Select(l =>
            {
                var p = l.Participation;
                var error = typed?.ParticipationId == p.ParticipationId;
                return new Row(p.ParticipationId, p.InstitutionName, p.InstitutionType.ToWireName(), p.Status.ToWireName(), l.Answered,
                    new ReportFormatter(language).DateTime(l.ClosesAt), ReportIso(l.ClosesAt), l.HasOwnDeadline, "sluit-" + p.ParticipationId,
                    error ? typed!.Value : AmsterdamTime.Input(l.ClosesAt), error, RemovePath(p.ParticipationId), DeadlinePath(p.ParticipationId),
                    BureauPages.ParticipationPath(p.ParticipationId));
            })
            .ToList();
        var taking = overview.Participations.Select(l => l.Participation.InstitutionId).ToHashSet(StringComparer.Ordinal);
        var choices = new List<Choice>();
        for (var page = 1; ; page++)
        {
            var listed = await institutions.ExecuteAsync(caller, type: null, active: true, name: null, new PageInput(page, PageRequest.MaxPageSize), cancellationToken);
            if (!listed.TryGetValue(out var batch, out var listFailure))
            {
                return BureauForms.Failed(listFailure);
            }
            choices.AddRange(batch.Items.Where(i => !taking.Contains(i.Id)).Select(i => new Choice(i.Id, i.Name)));
            if (batch.Items.Count < PageRequest.MaxPageSize)
            {
                break;
            }
        }
        choices.Sort((a, b) => string.Compare(a.Label, b.Label, StringComparison.CurrentCulture));
        var errors = typed is null ? [] : new List<PageError> { new("sluit-" + typed.ParticipationId, "deadline") };
        var model = new Model(round.Id, round.Title, round.Status.ToWireName(), RoundRules.CanChange(round.Status).IsAllowed, caller.IsAdmin,
            new ReportFormatter(language).DateTime(round.ClosesAt), rows, Enum.GetValues<InstitutionType>().Select(t => t.ToWireName()).ToList(), choices,
            notice, errors, PathFor(round.Id), BureauPages.RoundPath(round.Id), EditRoundPage.PathFor(round.Id));
        return new HtmlPage(Name, model, typed is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string ReportIso(DateTimeOffset moment) => ReportFormatter.Iso(moment);
}
