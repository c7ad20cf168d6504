using Audit.Application.Questionnaires;
using Audit.Core.Questionnaires;

namespace Audit.Application.Participations;

/// <summary>
/// Someone of the institution who changed answers: the answers they were the last to change and when they last did.
/// <see cref="IsCaller"/> marks the person asking, so a page can say "you".
/// </summary>
public sealed record ParticipationEditor(string UserId, string Name, int Answers, DateTimeOffset LastChangedAt, bool IsCaller);

/// <summary>
/// The baseline round a participation may start from: its title, whether its answers can be copied now (the
/// participation is editable and still empty, and the institution's baseline participation was accepted), and the
/// questions of the new questionnaire that are new or changed (text, type or options) since the baseline's.
/// </summary>
public sealed record BaselineStart(string RoundId, string Title, bool CanPrefill, IReadOnlyList<Question> ChangedQuestions);

/// <summary>What the start page of a participation shows: the work itself, who worked on it, and its baseline.</summary>
public sealed record ParticipationStart(ParticipationWork Work, IReadOnlyList<ParticipationEditor> Editors, BaselineStart? Baseline);

/// <summary>
/// Opens a participation for its start page (<see cref="OpenParticipation"/>'s access rules: the institution's own
/// respondents only). The editors come from the current answers (each names who changed it last), which is what the
/// institution's own respondents may see; the audit trail is the administrators'.
/// </summary>
public sealed class OpenParticipationStart(
    OpenParticipation open, IRoundRepository rounds, IParticipationRepository participations, IUserRepository users, QuestionnaireCatalog catalog)
{
    public async Task<Outcome<ParticipationStart>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var opened = await open.ExecuteAsync(caller, participationId, cancellationToken);
        if (!opened.TryGetValue(out var work, out var failure))
        {
            return failure;
        }
        return new ParticipationStart(work, await EditorsAsync(caller, work, cancellationToken), await BaselineAsync(work, cancellationToken));
    }

    private async Task<IReadOnlyList<ParticipationEditor>> EditorsAsync(Caller caller, ParticipationWork work, CancellationToken cancellationToken)
    {
        var editors = new List<ParticipationEditor>();
        foreach (var group in work.Answers.GroupBy(a => a.UpdatedBy, StringComparer.Ordinal))
        {
            // A user removed since keeps their id, so the list stays readable (as in the bureau's history).
            var name = (await users.GetAsync(group.Key, cancellationToken))?.Name ?? group.Key;
            editors.Add(new ParticipationEditor(group.Key, name, group.Count(), group.Max(a => a.UpdatedAt), group.Key == caller.UserId));
        }
        return [.. editors.OrderByDescending(e => e.LastChangedAt)];
    }

    private async Task<BaselineStart?> BaselineAsync(ParticipationWork work, CancellationToken cancellationToken)
    {
        var scope = work.Scope;
        if (scope.Round.Round.BaselineRoundId is not { } baselineId || await rounds.GetAsync(baselineId, cancellationToken) is not { } baseline)
        {
            return null;
        }
        var older = await catalog.GetAsync(baseline.Round.Questionnaire.Key, baseline.Round.Questionnaire.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Round {baselineId} refers to a missing questionnaire.");
        var differences = QuestionnaireDifferences.Compare(older, scope.Questionnaire);
        var changedKeys = differences.Changed.Select(c => c.Key).Concat(differences.Added.Select(q => q.Key)).ToHashSet(StringComparer.Ordinal);
        // In the new questionnaire's order, as the respondent meets them.
        var changed = scope.Questionnaire.AllQuestions.Where(q => changedKeys.Contains(q.Key)).ToList();
        // The same conditions PrefillAnswers checks, so the page offers the button only where it would copy.
        var canPrefill = work.Editable && work.Answers.Count == 0
            && await participations.FindAsync(baselineId, scope.Participation.InstitutionId, cancellationToken) is { Status: ParticipationStatus.Accepted };
        return new BaselineStart(baselineId, baseline.Round.Title, canPrefill, changed);
    }
}
