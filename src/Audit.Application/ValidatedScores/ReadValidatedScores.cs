using Audit.Application.Reviews;
using Audit.Core.Statistics;
using Audit.Core.ValidatedScores;

namespace Audit.Application.ValidatedScores;

/// <summary>One theme: the institution's self-assessed score (from its current answers) and the bureau's validated one.</summary>
/// <param name="SelfAssessed">The mean of the theme's answered maturity questions; null when none is answered.</param>
public sealed record ThemeScore(string ThemeKey, decimal? SelfAssessed, ValidatedScoreRecord? Validated)
{
    /// <summary>What a form starts from: the validated score, else the self-assessed one rounded to one decimal.</summary>
    public decimal? Default => Validated?.Score ?? (SelfAssessed is { } s ? decimal.Round(s, 1, MidpointRounding.AwayFromZero) : null);
}

public sealed record ValidatedScoreSheet(ParticipationScope Scope, CompletenessResult Completeness, IReadOnlyList<ThemeScore> Themes, RuleCheck CanRecord)
{
    public ThemeScore? Find(string themeKey) => Themes.FirstOrDefault(t => string.Equals(t.ThemeKey, themeKey, StringComparison.Ordinal));
}

/// <summary>
/// Per theme the self-assessed and the validated score. The bureau reads them always; the institution's own
/// respondents once the round is published (in its feedback report), like the findings; nobody else.
/// </summary>
public sealed class ReadValidatedScores(ParticipationScopes scopes, IAnswerRepository answers, IValidatedScoreRepository scores)
{
    public async Task<Outcome<ValidatedScoreSheet>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (!caller.IsBureau && scope.Round.Round.Status != RoundStatus.Published)
        {
            return new Failure.Forbidden("The validated scores are shown to the institution once the round is published.");
        }
        return await SheetAsync(scope, cancellationToken);
    }

    private async Task<ValidatedScoreSheet> SheetAsync(ParticipationScope scope, CancellationToken cancellationToken)
    {
        var values = AnswerInput.Values(await answers.ListAsync(scope.Id, cancellationToken));
        var validated = (await scores.ListAsync(scope.Id, cancellationToken)).ToDictionary(s => s.ThemeKey, StringComparer.Ordinal);
        var themes = scope.Questionnaire.Themes
            .Select(t => new ThemeScore(t.Key, ThemeScores.For(scope.Questionnaire, t, values), validated.GetValueOrDefault(t.Key)))
            .ToList();
        return new ValidatedScoreSheet(scope, AnswerValidator.CompletenessCheck(scope.Questionnaire, values), themes, ValidatedScoreRules.CanRecord(scope.Round.Round.Status, scope.Participation.Status));
    }
}
