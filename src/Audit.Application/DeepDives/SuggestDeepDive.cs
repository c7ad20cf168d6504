using System.Security.Cryptography;
using System.Text.Json;
using Audit.Core.Questionnaires;
using Audit.Core.DeepDives;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;

namespace Audit.Application.DeepDives;

/// <summary>A suggested institution with its name, for the analyst to judge.</summary>
public sealed record DeepDiveCandidate(string InstitutionId, string Name, decimal MeanScore, int Quartile);

/// <summary>The suggestion and what made it: the seed (given or drawn) reproduces it, <see cref="Eligible"/> is how many had a score.</summary>
public sealed record DeepDiveSuggestionResult(int Size, int Seed, int Eligible, IReadOnlyList<DeepDiveCandidate> Institutions);

/// <summary>
/// Suggests a selection spread over the quartiles of the institutions' mean theme scores (the mean of their
/// <see cref="ThemeScores"/> over the themes they have a score in, from their accepted answers, the answers the sector
/// view counts). Nothing is stored: the analyst takes, changes or ignores it and saves the selection with a rationale.
/// </summary>
public sealed class SuggestDeepDive(DeepDiveSectors sectors, IIncludedAnswersReader included)
{
    public const int MaxSize = 500;

    public async Task<Outcome<DeepDiveSuggestionResult>> ExecuteAsync(
        Caller caller, string roundId, string institutionType, int? size, int? seed, CancellationToken cancellationToken)
    {
        var found = await sectors.FindAsync(caller, roundId, institutionType, cancellationToken);
        if (!found.TryGetValue(out var sector, out var failure))
        {
            return failure;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (size is not (>= 1 and <= MaxSize))
        {
            errors["size"] = [$"The size is a whole number from 1 to {MaxSize}."];
        }
        if (seed is < 0)
        {
            errors["seed"] = ["The seed is a whole number from 0; leave it out to draw one."];
        }
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        var scored = new List<ScoredInstitution>();
        await foreach (var participation in included.StreamAsync(roundId, sector.Type, cancellationToken))
        {
            if (MeanScore(sector.Questionnaire, participation.Answers) is { } mean)
            {
                scored.Add(new ScoredInstitution(participation.InstitutionId, mean));
            }
        }
        var usedSeed = seed ?? RandomNumberGenerator.GetInt32(0, int.MaxValue);
        var names = sector.Participations.ToDictionary(p => p.InstitutionId, p => p.InstitutionName, StringComparer.Ordinal);
        var picked = DeepDiveSuggestion.Suggest(scored, size!.Value, usedSeed)
            .Select(s => new DeepDiveCandidate(s.InstitutionId, names.GetValueOrDefault(s.InstitutionId, s.InstitutionId), Math.Round(s.MeanScore, 2), s.Quartile))
            .ToList();
        return new DeepDiveSuggestionResult(size.Value, usedSeed, scored.Count, picked);
    }

    /// <summary>The mean over the themes the institution has a score in; none → not eligible.</summary>
    public static decimal? MeanScore(Questionnaire questionnaire, IReadOnlyDictionary<string, JsonElement> answers)
    {
        var scores = questionnaire.Themes.Select(t => ThemeScores.For(questionnaire, t, answers)).OfType<decimal>().ToList();
        return scores.Count == 0 ? null : scores.Sum() / scores.Count;
    }
}
