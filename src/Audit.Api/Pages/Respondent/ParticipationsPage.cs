using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Participations;
using Audit.Application.Questionnaires;
using Audit.Core.Answers;
using Audit.Core.Paging;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// <c>/deelnames</c>: the signed-in respondent's institution in each round that is not a draft, newest round first:
/// status, progress, deadline, and the way in (the first theme still open, the summary, and after publication the
/// feedback report as HTML and PDF).
/// </summary>
public static class ParticipationsPage
{
    public const string Name = "participations";

    public sealed record Row(
        string Id, string RoundTitle, string RoundStatus, string Status, int Required, int RequiredAnswered, DateTimeOffset ClosesAt, int? DaysLeft,
        string ContinueHref, string SummaryHref, string? ReportHref, string? ReportPdfHref, bool Editable);

    public sealed record Model(IReadOnlyList<Row> Items);

    public static async Task<IResult> ShowAsync(
        ClaimsPrincipal principal, IRoundRepository rounds, IParticipationRepository participations, IAnswerRepository answers,
        QuestionnaireCatalog catalog, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rows = new List<Row>();
        if (principal.GetInstitutionId() is { } institutionId)
        {
            // Rounds are few (a handful a year), so one lookup per round is cheaper than another repository query to keep.
            await foreach (var round in AllRoundsAsync(rounds, cancellationToken))
            {
                if (round.Round.Status != RoundStatus.Draft
                    && await participations.FindAsync(round.Round.Id, institutionId, cancellationToken) is { } participation
                    && principal.CanSee(participation))
                {
                    var questionnaire = await catalog.GetAsync(round.Round.Questionnaire.Key, round.Round.Questionnaire.Version, cancellationToken)
                        ?? throw new InvalidOperationException($"Round {round.Round.Id} refers to a missing questionnaire.");
                    rows.Add(await RowAsync(round.Round, participation, questionnaire, answers, clock.GetUtcNow(), cancellationToken));
                }
            }
        }
        return new HtmlPage(Name, new Model(rows));
    }

    private static async Task<Row> RowAsync(
        Round round, ParticipationRecord participation, Questionnaire questionnaire, IAnswerRepository answers, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var values = AnswerInput.Values(await answers.ListAsync(participation.Id, cancellationToken));
        var progress = AnswerValidator.ProgressPerTheme(questionnaire, values);
        var open = questionnaire.Themes.Zip(progress).FirstOrDefault(t => !t.Second.IsComplete).First ?? questionnaire.Themes[0];
        var published = round.Status == RoundStatus.Published;
        int? daysLeft = round.Status == RoundStatus.Open && round.ClosesAt > now ? (int)Math.Ceiling((round.ClosesAt - now).TotalDays) : null;
        return new Row(
            participation.Id, round.Title, round.Status.ToWireName(), participation.Status.ToWireName(), progress.Sum(p => p.Required),
            progress.Sum(p => p.RequiredAnswered), round.ClosesAt, daysLeft, RespondentPages.Theme(participation.Id, open.Key),
            RespondentPages.Summary(participation.Id),
            published ? RespondentPages.Report(participation.Id) : null, published ? RespondentPages.ReportPdf(participation.Id) : null,
            ParticipationRules.CanEditAnswers(round.Status, participation.Status).IsAllowed);
    }

    private static async IAsyncEnumerable<RoundRecord> AllRoundsAsync(
        IRoundRepository rounds, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var batch = await rounds.ListAsync(new RoundQuery(), new PageRequest(page, PageRequest.MaxPageSize), cancellationToken);
            foreach (var round in batch.Items)
            {
                yield return round;
            }
            if (batch.Items.Count < PageRequest.MaxPageSize)
            {
                yield break;
            }
        }
    }
}
