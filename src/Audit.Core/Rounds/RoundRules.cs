using System.Diagnostics.CodeAnalysis;
using Audit.Core.Institutions;

namespace Audit.Core.Rounds;

public static class RoundRules
{
    public const int IdMaxLength = 64;
    public const int TitleMaxLength = 200;
    public const int QuestionnaireKeyMaxLength = 100;
    public const int QuestionnaireVersionMaxLength = 32;

    /// <summary>A cycle is a path segment (<c>/api/v1/cycles/2023</c>) and a column of 32 characters.</summary>
    public const int CycleMaxLength = 32;

    /// <summary>
    /// Smallest allowed minimum group size: a group of one would publish a single institution's answers.
    /// Two is only the hard floor; the default (<see cref="DisclosureSettings.Default"/>) is stricter.
    /// </summary>
    public const int MinGroupSizeLowest = 2;

    /// <summary>
    /// Largest allowed minimum group size: no institution type in the registry has a hundred members,
    /// so a larger value would suppress every group and is certainly a typo.
    /// </summary>
    public const int MinGroupSizeHighest = 100;

    /// <summary>Bounds of the dominance rule's n: at least the single largest contributor, at most a sane group.</summary>
    public const int DominanceNLowest = 1;
    public const int DominanceNHighest = 100;

    /// <summary>
    /// Returns every field error at once (empty means valid). Field names are the camelCase wire names:
    /// id, title, questionnaire.key, questionnaire.version, opensAt, closesAt, baselineRoundId,
    /// disclosure.minGroupSize, disclosure.dominance.n, disclosure.dominance.k, cycle.
    /// Whether the baseline round and the questionnaire version exist is for the caller to check: Core holds no data.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(RoundDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<FieldError>();

        Slug.Validate(draft.Id, "id", IdMaxLength, errors);
        RequireText(draft.Title, "title", TitleMaxLength, errors);
        RequireText(draft.QuestionnaireKey, "questionnaire.key", QuestionnaireKeyMaxLength, errors);
        RequireText(draft.QuestionnaireVersion, "questionnaire.version", QuestionnaireVersionMaxLength, errors);

        RequireUtc(draft.OpensAt, "opensAt", errors);
        RequireUtc(draft.ClosesAt, "closesAt", errors);
        if (draft.OpensAt is { } opens && draft.ClosesAt is { } closes && closes <= opens)
            errors.Add(new("closesAt", "must be later than opensAt"));

        if (!string.IsNullOrEmpty(draft.BaselineRoundId))
        {
            Slug.Validate(draft.BaselineRoundId, "baselineRoundId", IdMaxLength, errors);
            if (string.Equals(draft.BaselineRoundId, draft.Id, StringComparison.Ordinal))
                errors.Add(new("baselineRoundId", "must refer to another round, not to the round itself"));
        }

        Slug.Validate(draft.Cycle, "cycle", CycleMaxLength, errors, required: false);
        ValidateDisclosure(draft.Disclosure ?? DisclosureSettings.Default, errors);
        return errors;
    }

    /// <summary>Validates and builds a new round in status draft, with title and questionnaire trimmed.</summary>
    public static bool TryCreate(RoundDraft draft, [NotNullWhen(true)] out Round? round, out IReadOnlyList<FieldError> errors)
    {
        errors = Validate(draft);
        if (errors.Count > 0)
        {
            round = null;
            return false;
        }
        round = new Round(
            draft.Id!,
            draft.Title!.Trim(),
            new QuestionnaireRef(draft.QuestionnaireKey!.Trim(), draft.QuestionnaireVersion!.Trim()),
            draft.OpensAt!.Value,
            draft.ClosesAt!.Value,
            draft.Disclosure ?? DisclosureSettings.Default,
            RoundStatus.Draft,
            string.IsNullOrEmpty(draft.BaselineRoundId) ? null : draft.BaselineRoundId,
            draft.ReferenceDate,
            string.IsNullOrEmpty(draft.Cycle) ? null : draft.Cycle);
        return true;
    }

    /// <summary>The error of a cycle given as a filter or path segment, or null when it is well formed.</summary>
    public static string? ValidateCycle(string cycle)
    {
        var errors = new List<FieldError>();
        Slug.Validate(cycle, "cycle", CycleMaxLength, errors);
        return errors.Count == 0 ? null : string.Join("; ", errors.Select(e => e.Message));
    }

    /// <summary>Whether a round in <paramref name="status"/> may still be changed or get institutions added or removed.</summary>
    public static RuleCheck CanChange(RoundStatus status) => status is RoundStatus.Draft or RoundStatus.Open
        ? RuleCheck.Allow
        : RuleCheck.Deny($"The round is {status.ToWireName()}; it can only be changed while it is draft or open.");

    /// <summary>
    /// Every field error of a change to <paramref name="round"/> at once (empty means valid), with the wire names
    /// title and closesAt; an empty change is an error of <c>title</c>, the first field it could name.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateChanges(Round round, RoundChanges changes)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new List<FieldError>();
        if (changes.IsEmpty)
        {
            errors.Add(new("title", "give at least one of title, closesAt, referenceDate and cycle"));
            return errors;
        }
        if (changes.Title is not null)
            RequireText(changes.Title, "title", TitleMaxLength, errors);
        if (changes.ClosesAt is { } closes)
        {
            RequireUtc(closes, "closesAt", errors);
            if (closes <= round.OpensAt)
                errors.Add(new("closesAt", "must be later than opensAt"));
        }
        Slug.Validate(changes.Cycle, "cycle", CycleMaxLength, errors, required: false);
        return errors;
    }

    /// <summary>The round with a valid change applied (see <see cref="ValidateChanges"/>).</summary>
    public static Round Apply(Round round, RoundChanges changes) => round with
    {
        Title = changes.Title?.Trim() ?? round.Title,
        ClosesAt = changes.ClosesAt ?? round.ClosesAt,
        ReferenceDate = changes.ReferenceDate ?? round.ReferenceDate,
        Cycle = changes.Cycle is null ? round.Cycle : changes.Cycle.Length == 0 ? null : changes.Cycle,
    };

    /// <summary>
    /// A participation's own deadline (wire name closesAt): UTC and after the round opens. It may lie before the
    /// round's deadline too; the bureau decides.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateParticipationDeadline(Round round, DateTimeOffset? closesAt)
    {
        ArgumentNullException.ThrowIfNull(round);
        var errors = new List<FieldError>();
        RequireUtc(closesAt, "closesAt", errors);
        if (closesAt is { } closes && closes <= round.OpensAt)
            errors.Add(new("closesAt", "must be later than the round's opensAt"));
        return errors;
    }

    private static void ValidateDisclosure(DisclosureSettings disclosure, List<FieldError> errors)
    {
        if (disclosure.MinGroupSize is < MinGroupSizeLowest or > MinGroupSizeHighest)
            errors.Add(new("disclosure.minGroupSize", $"must be between {MinGroupSizeLowest} and {MinGroupSizeHighest}"));

        var dominance = disclosure.EffectiveDominance;
        if (dominance.N is < DominanceNLowest or > DominanceNHighest)
            errors.Add(new("disclosure.dominance.n", $"must be between {DominanceNLowest} and {DominanceNHighest}"));
        // k is a percentage of the cell total: 0 would suppress everything, above 100 nothing ever.
        if (dominance.K is <= 0 or > 100)
            errors.Add(new("disclosure.dominance.k", "must be greater than 0 and at most 100"));
    }

    private static void RequireText(string? value, string field, int maxLength, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(new(field, "is required"));
        else if (value.Trim().Length > maxLength)
            errors.Add(new(field, $"must be at most {maxLength} characters"));
    }

    // Times are stored and compared as UTC; an offset would be silently lost by some databases, so the
    // API converts to UTC before building the draft and anything else is a programming or input error.
    private static void RequireUtc(DateTimeOffset? value, string field, List<FieldError> errors)
    {
        if (value is null)
            errors.Add(new(field, "is required"));
        else if (value.Value.Offset != TimeSpan.Zero)
            errors.Add(new(field, "must be in UTC (offset +00:00)"));
    }
}
