using Audit.Application.Participations;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// <c>/deelnames</c>: the signed-in respondent's institution in each round that is not a draft, newest round first
/// (see <see cref="ListOwnParticipations"/>): status, progress, deadline, and the way in (the first theme still open,
/// the summary, and after publication the feedback report as HTML and PDF). The round's title leads to the start page;
/// "Overzicht en indienen" only where submitting is still possible, "Overzicht" otherwise.
/// </summary>
public static class ParticipationsPage
{
    public const string Name = "respondent/participations";

    public sealed record Row(
        string Id, string RoundTitle, string RoundStatus, string Status, int Required, int RequiredAnswered, DateTimeOffset ClosesAt, int? DaysLeft,
        string ContinueHref, string SummaryHref, string? ReportHref, string? ReportPdfHref, bool Editable, string StartHref);

    public sealed record Model(IReadOnlyList<Row> Items);

    public static async Task<IResult> ShowAsync(
        ClaimsPrincipal principal, ListOwnParticipations list, TimeProvider clock, CancellationToken cancellationToken)
    {
        var own = await list.ExecuteAsync(principal.ToCaller(), cancellationToken);
        if (!own.TryGetValue(out var items, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        var now = clock.GetUtcNow();
        return new HtmlPage(Name, new Model(items.Select(item => RowOf(item, now)).ToList()));
    }

    private static Row RowOf(OwnParticipation item, DateTimeOffset now)
    {
        var (round, participation, questionnaire, progress) = (item.Round, item.Participation, item.Questionnaire, item.Progress);
        var open = questionnaire.Themes.Zip(progress).FirstOrDefault(t => !t.Second.IsComplete).First ?? questionnaire.Themes[0];
        var published = round.Status == RoundStatus.Published;
        // The institution's own deadline when the bureau extended it, else the round's.
        var closesAt = participation.EffectiveClosesAt(round);
        int? daysLeft = round.Status == RoundStatus.Open && closesAt > now ? (int)Math.Ceiling((closesAt - now).TotalDays) : null;
        return new Row(
            participation.Id, round.Title, round.Status.ToWireName(), participation.Status.ToWireName(), progress.Sum(p => p.Required),
            progress.Sum(p => p.RequiredAnswered), closesAt, daysLeft, RespondentPages.Theme(participation.Id, open.Key),
            RespondentPages.Summary(participation.Id),
            published ? RespondentPages.Report(participation.Id) : null, published ? RespondentPages.ReportPdf(participation.Id) : null,
            item.Editable, RespondentPages.Start(participation.Id));
    }
}
