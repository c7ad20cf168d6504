using System.Text.Json;
using Audit.Application.Questionnaires;

namespace Audit.Application.Rounds;

/// <summary>
/// Where one participation stands: answered/required (the same figures as the participation resource, from Core's
/// completeness check) and the days to the deadline, null once the deadline no longer concerns it.
/// <see cref="RequiredAnswered"/> of <see cref="Required"/> is the progress figure the respondent sees ("48 van 48"):
/// the required visible questions with a valid answer. <see cref="Answered"/> also counts optional questions.
/// <see cref="ClosesAt"/> is the effective deadline: the institution's own when the bureau extended it, else the round's.
/// </summary>
public sealed record ParticipationProgressLine(
    ParticipationProgress Participation, int Answered, int Required, int? DaysToDeadline, DateTimeOffset ClosesAt, int RequiredAnswered)
{
    public bool HasOwnDeadline => Participation.ClosesAt is not null;
}

/// <summary><see cref="Statuses"/> counts every participation status (zeros included, in enum order) for one institution type.</summary>
public sealed record TypeTotals(InstitutionType Type, int Participations, IReadOnlyList<KeyValuePair<ParticipationStatus, int>> Statuses);

/// <summary>The bureau's overview of a round; <see cref="Totals"/> are ordered by the type's wire name.</summary>
public sealed record RoundProgress(
    RoundRecord Round, int DaysToDeadline, IReadOnlyList<ParticipationProgressLine> Participations, IReadOnlyList<TypeTotals> Totals);

/// <summary>
/// The bureau's overview of a round: per participation its status, answered/required, last activity and days to the
/// deadline; and the number of participations per institution type and status. Read by the progress API and the
/// round dashboard alike.
/// </summary>
public sealed class ReadRoundProgress(
    IRoundRepository rounds, IRoundProgressQuery progress, IRoundAnswersReader answers, QuestionnaireCatalog catalog, TimeProvider clock)
{
    public async Task<Outcome<RoundProgress>> ExecuteAsync(Caller caller, string roundId, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        var found = await rounds.FindAsync(roundId, cancellationToken);
        if (!found.TryGetValue(out var record, out var failure))
        {
            return failure;
        }
        var round = record.Round;
        var questionnaire = await catalog.GetAsync(round.Questionnaire.Key, round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {round.Id} refers to a missing questionnaire.");
        var now = clock.GetUtcNow();
        var days = DaysUntil(round.ClosesAt, now);
        // Required depends on the answers (visibleWhen), so each participation is checked against its own answers,
        // read for the whole round in one streamed query.
        var counts = new Dictionary<string, CompletenessResult>(StringComparer.Ordinal);
        await foreach (var answered in answers.StreamAsync(roundId, cancellationToken))
        {
            counts[answered.ParticipationId] = AnswerValidator.CompletenessCheck(questionnaire, AnswerInput.Values(answered.ValuesJson));
        }
        var untouched = AnswerValidator.CompletenessCheck(questionnaire, new Dictionary<string, JsonElement>(StringComparer.Ordinal));
        var lines = new List<ParticipationProgressLine>();
        foreach (var p in await progress.ListAsync(roundId, cancellationToken))
        {
            var completeness = counts.GetValueOrDefault(p.ParticipationId) ?? untouched;
            // The deadline no longer concerns a participation that is waiting for, or has passed, review.
            var waiting = p.Status is ParticipationStatus.Submitted or ParticipationStatus.Accepted;
            var closesAt = p.ClosesAt ?? round.ClosesAt;
            lines.Add(new ParticipationProgressLine(
                p, completeness.Answered, completeness.Required, waiting ? null : DaysUntil(closesAt, now), closesAt, completeness.RequiredAnswered));
        }
        var totals = lines.GroupBy(l => l.Participation.InstitutionType).OrderBy(g => g.Key.ToWireName(), StringComparer.Ordinal)
            .Select(g => new TypeTotals(g.Key, g.Count(),
                Enum.GetValues<ParticipationStatus>().Select(s => KeyValuePair.Create(s, g.Count(l => l.Participation.Status == s))).ToList()))
            .ToList();
        return new RoundProgress(record, days, lines, totals);
    }

    /// <summary>Whole days left, rounded up (a deadline later today is 1 day); negative once passed.</summary>
    public static int DaysUntil(DateTimeOffset deadline, DateTimeOffset now) => (int)Math.Ceiling((deadline - now).TotalDays);
}
