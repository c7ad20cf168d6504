using Audit.Core.Answers;
using Audit.Core.Questionnaires;
using Audit.Core.AuditTrail;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.Synthetic;
using Audit.Core.Time;

namespace Audit.Api.Demo;

/// <summary>
/// Brings one demo participation to its <see cref="DemoState"/> through the same repositories the service writes
/// with, at moments inside the round (answers early, submission later, the review after that), so pages, the audit
/// log and reports show a plausible history instead of everything happening at start-up.
/// </summary>
public sealed class DemoParticipations(IAnswerRepository answers, ISubmissionRepository submissions, IReviewRepository reviews)
{
    public const string ReturnSummary =
        "Bijna compleet. Bij twee vragen ontbreekt een toelichting; zie de opmerkingen bij die vragen en dien de vragenlijst daarna opnieuw in.";

    public async Task BringToAsync(
        ParticipationRecord participation, DemoState state, Questionnaire questionnaire, DemoRound round, DateTimeOffset now, Random random,
        int seed, Actor respondent, Actor analyst, CancellationToken cancellationToken)
    {
        if (state == DemoState.NotStarted)
        {
            return;
        }
        var start = round.OpensAt;
        var span = round.ActivityEnd(now) - start;
        DateTimeOffset At(double from, double to) => DuringOfficeHours(start + span * (from + random.NextDouble() * (to - from)), random);

        var all = new SyntheticAnswers(seed).For(questionnaire);
        // In progress: the first part of the questionnaire only, as someone who has started but not finished.
        var chosen = state == DemoState.InProgress ? all.Take(Math.Max(1, all.Count * 2 / 5)).ToList() : all;
        var writes = chosen.Select(a => new AnswerWrite(a.QuestionKey, a.ValueJson)).ToList();
        var saved = await answers.SaveBatchAsync(participation.Id, writes, respondent, At(0.05, 0.4), cancellationToken);
        if (!saved.Saved || state == DemoState.InProgress)
        {
            return;
        }
        var stored = await answers.ListAsync(participation.Id, cancellationToken);
        var submittedAt = At(0.45, 0.7);
        var submitted = await submissions.SubmitAsync(participation.Id, ParticipationStatus.InProgress,
            SubmissionSnapshots.Build(questionnaire, stored), respondent, submittedAt, cancellationToken);
        if (submitted.Outcome != SubmitOutcome.Submitted || state == DemoState.Submitted)
        {
            return;
        }
        var reviewedAt = At(0.75, 0.95);
        if (state == DemoState.Returned)
        {
            await reviews.ReviewAsync(participation.Id, ReviewOutcome.Return, Remarks(questionnaire), ReturnSummary, analyst, reviewedAt, cancellationToken);
            return;
        }
        await reviews.ReviewAsync(participation.Id, ReviewOutcome.Accept, [], "Volledig en navolgbaar ingevuld.", analyst, reviewedAt, cancellationToken);
    }

    /// <summary>
    /// The same day between 09:00 and 17:00 Dutch time, Monday to Friday (a weekend moves to the Monday after): people
    /// fill in questionnaires and review them at work, not at 03:00. Never later than needed to stay in order within a
    /// participation, because each step is drawn from a later part of the round than the one before.
    /// </summary>
    private static DateTimeOffset DuringOfficeHours(DateTimeOffset moment, Random random)
    {
        var day = DateOnly.FromDateTime(AmsterdamTime.ToLocal(moment));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        return AmsterdamTime.FromLocal(day.ToDateTime(new TimeOnly(9 + random.Next(0, 8), random.Next(0, 60))));
    }

    /// <summary>A remark on the first yes/no question and on the first question of another type: what a real return looks like.</summary>
    public static IReadOnlyList<ReviewRemark> Remarks(Questionnaire questionnaire)
    {
        var questions = questionnaire.AllQuestions.ToList();
        var yesNo = questions.FirstOrDefault(q => q.Type == QuestionType.YesNo);
        var other = questions.FirstOrDefault(q => q.Type != QuestionType.YesNo);
        var remarks = new List<ReviewRemark>();
        if (yesNo is not null)
        {
            remarks.Add(new(yesNo.Key, "Wilt u dit toelichten? Noem ook wanneer het beleid is vastgesteld en door wie."));
        }
        if (other is not null)
        {
            remarks.Add(new(other.Key, "Dit antwoord wijkt sterk af van vergelijkbare instellingen. Klopt het, en zo ja, waardoor komt dat?"));
        }
        return [.. remarks.OrderBy(r => r.QuestionKey, StringComparer.Ordinal)];
    }
}
