using System.Globalization;
using Audit.Core.AuditTrail;
using Audit.Core.Rounds;

namespace Audit.Core.ValidatedScores;

/// <summary>The bureau's validated maturity score of one theme, 0.0 to 5.0 in steps of 0.1, with its justification.</summary>
public sealed record ValidatedScoreRecord(
    string ParticipationId,
    string ThemeKey,
    decimal Score,
    string Justification,
    int Version,
    string UpdatedBy,
    DateTimeOffset UpdatedAt);

/// <summary>A checked score to write; <see cref="ExpectedVersion"/> null means "only if none exists yet".</summary>
public sealed record ValidatedScoreWrite(string ThemeKey, decimal Score, string Justification, int? ExpectedVersion);

public enum ValidatedScoreSaveOutcome
{
    Saved,
    VersionMismatch,
    NotFound,

    /// <summary>Neither under review nor accepted, or the round is published.</summary>
    NotAllowed,
}

public sealed record ValidatedScoreSaveResult(ValidatedScoreSaveOutcome Outcome, ValidatedScoreRecord? Score, string? Reason = null);

public static class ValidatedScoreRules
{
    /// <summary>Short: a justification points at the evidence, the findings carry the argument.</summary>
    public const int MaxJustificationLength = 1_000;

    /// <summary>
    /// Keys <c>score</c> and <c>justification</c>, every problem at once. A score has at most one decimal, like
    /// the levels it summarises, so it never claims more precision than an assessor's judgement has.
    /// </summary>
    public static Dictionary<string, string[]> Check(decimal? score, string? justification)
    {
        var errors = new Dictionary<string, string[]>();
        if (score is not { } s || s < 0 || s > 5 || decimal.Round(s, 1) != s)
        {
            errors["score"] = ["The score is a number from 0 to 5 with at most one decimal."];
        }
        if (string.IsNullOrWhiteSpace(justification) || justification.Length > MaxJustificationLength)
        {
            errors["justification"] = [$"A justification has 1 to {MaxJustificationLength} characters."];
        }
        return errors;
    }

    /// <summary>
    /// While the bureau reviews (submitted) or after it accepted, and until the round is published: the published
    /// sector figures must not move under the ministry's report.
    /// </summary>
    public static RuleCheck CanRecord(RoundStatus round, ParticipationStatus participation)
    {
        if (round is RoundStatus.Published)
        {
            return RuleCheck.Deny("The round has been published; validated scores can no longer be changed.");
        }
        if (round is RoundStatus.Draft || participation is not (ParticipationStatus.Submitted or ParticipationStatus.Accepted))
        {
            return RuleCheck.Deny("A validated score is recorded when accepting a submitted questionnaire or after acceptance.");
        }
        return RuleCheck.Allow;
    }

    public static int ToTenths(decimal score) => (int)decimal.Round(score * 10, 0);

    public static decimal FromTenths(long tenths) => tenths / 10m;

    /// <summary>"3.5" (invariant), the form a page shows in an input.</summary>
    public static string Format(decimal score) => score.ToString("0.0", CultureInfo.InvariantCulture);
}

public interface IValidatedScoreRepository
{
    Task<IReadOnlyList<ValidatedScoreRecord>> ListAsync(string participationId, CancellationToken cancellationToken = default);

    /// <summary>Every validated score of the round's participations, for the sector view.</summary>
    Task<IReadOnlyList<ValidatedScoreRecord>> ListForRoundAsync(string roundId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one score if <see cref="ValidatedScoreRules.CanRecord"/> allows it inside the transaction, compare-and-set
    /// on the version; marks the sector dirty when the participation is accepted (its view counts the score). Audit
    /// event <c>validated-score.saved</c>.
    /// </summary>
    Task<ValidatedScoreSaveResult> SaveAsync(
        string participationId, ValidatedScoreWrite write, Actor actor, DateTimeOffset now, CancellationToken cancellationToken = default);
}
