namespace Audit.Core.Disclosure;

/// <summary>Why a figure is not published. The strings are part of the sector view JSON.</summary>
public static class SuppressionReasons
{
    /// <summary>Fewer than k institutions in the whole view.</summary>
    public const string GroupTooSmall = "group_too_small";

    /// <summary>A question or theme answered by fewer than k institutions.</summary>
    public const string TooFewAnswers = "too_few_answers";

    /// <summary>A grid cell or total with 1..k−1 contributing institutions.</summary>
    public const string Threshold = "threshold";

    /// <summary>A grid cell or total where the largest N contributions exceed K% of the sum.</summary>
    public const string Dominance = "dominance";

    /// <summary>Hidden so that a primary-suppressed figure cannot be recovered by subtraction.</summary>
    public const string Secondary = "secondary";
}
