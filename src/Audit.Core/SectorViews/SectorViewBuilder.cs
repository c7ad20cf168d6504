using System.Globalization;
using Audit.Core.Disclosure;
using Audit.Core.Rounds;
using Audit.Core.Statistics;

namespace Audit.Core.SectorViews;

/// <summary>What a sector view is about and when it was computed; the caller owns the clock.</summary>
/// <param name="Response">The type's participations by current status (all of them, not only the included).</param>
public sealed record SectorViewScope(string RoundId, string InstitutionType, ResponseCounts Response, DateTimeOffset ComputedAt);

/// <summary>
/// Computes the INTERNAL sector view of one institution type in one round from its included (accepted)
/// participations, streamed one at a time. Pure: no storage, no clock. Derive the ministry's form with
/// <see cref="PublishedForm.Of"/>.
/// </summary>
/// <remarks>
/// Memory does not grow with every institution: each answer is folded into per-question state (histograms,
/// tallies, distinct-value counts) during <see cref="Add"/>. What does grow is one (participationId,
/// submissionHash) pair per institution for the fingerprint, and one entry per distinct number answer.
/// </remarks>
public sealed class SectorViewBuilder
{
    private readonly Questionnaire _questionnaire;
    private readonly DisclosureSettings _disclosure;
    private readonly SectorViewScope _scope;
    private readonly QuestionAccumulator[][] _questionsByTheme;
    private readonly ThemeAccumulator[] _themes;
    private readonly List<(string ParticipationId, string SubmissionHash)> _inputs = [];

    // Each included institution's own theme scores (null where it answered no maturity question), in theme order:
    // the default of the validated-score statistics, which the supplement is combined with at build time.
    private readonly Dictionary<string, Fraction?[]> _selfScores = new(StringComparer.Ordinal);

    public SectorViewBuilder(Questionnaire questionnaire, DisclosureSettings disclosure, SectorViewScope scope)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(disclosure);
        ArgumentNullException.ThrowIfNull(scope);
        _questionnaire = questionnaire;
        _disclosure = disclosure;
        _scope = scope;
        _questionsByTheme = questionnaire.Themes
            .Select(t => t.Questions.Select(q => QuestionAccumulator.Create(q, disclosure)).ToArray())
            .ToArray();
        _themes = questionnaire.Themes.Select(t => new ThemeAccumulator(t)).ToArray();
    }

    /// <summary>Institutions added so far.</summary>
    public int Included => _inputs.Count;

    /// <summary>
    /// Folds in one included participation. Its answers are read only during this call, so the caller may
    /// dispose the JsonDocuments behind them as soon as it returns.
    /// </summary>
    public void Add(IncludedParticipation participation)
    {
        ArgumentNullException.ThrowIfNull(participation);
        InputFingerprint.EnsureEncodable(participation.ParticipationId, nameof(participation));
        InputFingerprint.EnsureEncodable(participation.SubmissionHash, nameof(participation));
        var answers = participation.Answers;
        var selfScores = new Fraction?[_themes.Length];
        for (var t = 0; t < _themes.Length; t++)
        {
            var levelSum = 0L;
            var maturityAnswered = 0;
            foreach (var accumulator in _questionsByTheme[t])
            {
                var question = accumulator.Question;
                if (!answers.TryGetValue(question.Key, out var value)
                    || (question.VisibleWhen is not null && !Visibility.IsVisible(_questionnaire, question, answers)))
                {
                    continue; // unanswered, or hidden: a hidden question's stale answer must not count
                }
                if (accumulator.Add(value) && accumulator is MaturityAccumulator maturity)
                {
                    levelSum += maturity.LastLevel;
                    maturityAnswered++;
                }
            }
            _themes[t].Add(levelSum, maturityAnswered);
            selfScores[t] = maturityAnswered > 0 ? Fraction.Of(levelSum, maturityAnswered) : null;
        }
        _selfScores[participation.ParticipationId] = selfScores;
        _inputs.Add((participation.ParticipationId, participation.SubmissionHash));
    }

    /// <summary>The internal view of everything added so far, with its trend when a baseline view is given.</summary>
    public SectorView Build(SectorView? baseline = null, SectorSupplement? supplement = null) => Build(_scope, baseline, supplement);

    /// <summary>
    /// As <see cref="Build(SectorView?)"/>, for a later moment: building changes nothing, so a builder can be kept,
    /// fed the participations accepted since, and built again (same round and type, new response counts and time).
    /// </summary>
    public SectorView Build(SectorViewScope scope, SectorView? baseline = null, SectorSupplement? supplement = null)
    {
        supplement ??= SectorSupplement.None;
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.RoundId != _scope.RoundId || scope.InstitutionType != _scope.InstitutionType)
        {
            throw new ArgumentException("A builder builds the view of the round and type it was created for.", nameof(scope));
        }
        var groupTooSmall = Included < _disclosure.MinGroupSize;
        var response = scope.Response;
        var view = new SectorView(
            scope.RoundId,
            scope.InstitutionType,
            new QuestionnaireRef(_questionnaire.Key, _questionnaire.Version),
            SectorViewKinds.Internal,
            scope.ComputedAt,
            InputFingerprint.Compute(_inputs.Concat(JudgedFigures.FingerprintPairs(_selfScores, supplement)).Append(ContextPair(response, baseline))),
            new ResponseBlock(response.Invited, response.InProgress, response.Submitted, response.Returned,
                response.Accepted, StatRounding.Percent(response.Accepted, response.Invited)),
            Included,
            groupTooSmall,
            groupTooSmall ? SuppressionReasons.GroupTooSmall : null,
            _themes.Select(t => t.Build(_disclosure)).ToList(),
            _questionsByTheme.SelectMany(theme => theme).Select(q => q.Build(_disclosure)).ToList(),
            Trend: null,
            JudgedFigures.ValidatedThemes(_questionnaire, _disclosure, _selfScores, supplement),
            JudgedFigures.FollowUps(_questionnaire, _disclosure, _selfScores, supplement));
        return baseline is null ? view : view with { Trend = Trends.Compare(view, baseline) };
    }

    /// <summary>
    /// Everything besides the submissions that the view is derived from: the questionnaire version, the disclosure
    /// rules, the response counts and the baseline view. Without it a recompute whose submissions had not changed
    /// was taken for "unchanged" and kept a response block or trend that had since moved on.
    /// </summary>
    private (string, string) ContextPair(ResponseCounts response, SectorView? baseline)
    {
        var dominance = _disclosure.EffectiveDominance;
        var context = string.Create(CultureInfo.InvariantCulture,
            $"q={_questionnaire.Key}@{_questionnaire.Version};d={_disclosure.MinGroupSize},{dominance.N},{dominance.K};" +
            $"r={response.Invited},{response.InProgress},{response.Submitted},{response.Returned},{response.Accepted};" +
            $"b={baseline?.Fingerprint ?? "-"}");
        // "#" never starts a participation id, so this pair cannot collide with one.
        return ("#view", context.ReplaceLineEndings(" ").Replace('\t', ' '));
    }

    /// <summary>Consumes <paramref name="included"/> once and returns the internal view.</summary>
    public static SectorView Compute(
        Questionnaire questionnaire,
        DisclosureSettings disclosure,
        SectorViewScope scope,
        IEnumerable<IncludedParticipation> included,
        SectorView? baseline = null,
        SectorSupplement? supplement = null)
    {
        ArgumentNullException.ThrowIfNull(included);
        var builder = new SectorViewBuilder(questionnaire, disclosure, scope);
        foreach (var participation in included)
        {
            builder.Add(participation);
        }
        return builder.Build(baseline, supplement);
    }
}
