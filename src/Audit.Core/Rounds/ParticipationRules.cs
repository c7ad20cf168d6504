namespace Audit.Core.Rounds;

/// <summary>
/// The outcome of a business rule: allowed, or refused with a reason meant for the user
/// (the API puts it in a 409 problem detail as is).
/// </summary>
public sealed record RuleCheck(bool IsAllowed, string? Reason)
{
    public static RuleCheck Allow { get; } = new(true, null);

    public static RuleCheck Deny(string reason) => new(false, reason);
}

/// <summary>The auditor's decision on a submitted questionnaire.</summary>
public enum ReviewOutcome
{
    /// <summary>Send back for changes: the participation becomes returned.</summary>
    Return,

    /// <summary>Approve: the participation becomes accepted, which is final.</summary>
    Accept,
}

/// <summary>
/// What an institution and the auditor may do, given the round's and the participation's status.
/// The round is checked first: when it is not open, that is the reason the user needs to hear.
/// The After* functions give the status a permitted action leads to; every result is a transition
/// that <see cref="ParticipationTransitions"/> allows (or no change).
/// </summary>
public static class ParticipationRules
{
    public static RuleCheck CanEditAnswers(RoundStatus round, ParticipationStatus participation) =>
        round switch
        {
            RoundStatus.Draft => RuleCheck.Deny("The round has not opened yet; answers cannot be entered."),
            RoundStatus.Closed => RuleCheck.Deny("The round is closed; answers can no longer be changed."),
            RoundStatus.Published => RuleCheck.Deny("The round has been published; answers can no longer be changed."),
            _ => participation switch
            {
                ParticipationStatus.Submitted => RuleCheck.Deny(
                    "The questionnaire has been submitted; answers can only be changed after the auditor returns it."),
                ParticipationStatus.Accepted => RuleCheck.Deny(
                    "The questionnaire has been accepted; answers can no longer be changed."),
                _ => RuleCheck.Allow,
            },
        };

    public static RuleCheck CanSubmit(RoundStatus round, ParticipationStatus participation) =>
        round switch
        {
            RoundStatus.Draft => RuleCheck.Deny("The round has not opened yet; the questionnaire cannot be submitted."),
            RoundStatus.Closed => RuleCheck.Deny("The round is closed; the questionnaire can no longer be submitted."),
            RoundStatus.Published => RuleCheck.Deny("The round has been published; the questionnaire can no longer be submitted."),
            _ => participation switch
            {
                ParticipationStatus.Submitted => RuleCheck.Deny(
                    "The questionnaire has already been submitted and is awaiting review."),
                ParticipationStatus.Accepted => RuleCheck.Deny("The questionnaire has already been accepted."),
                _ => RuleCheck.Allow,
            },
        };

    /// <summary>
    /// Reviewing is possible while the round is open and after its deadline (closed): institutions tend to
    /// submit at the last moment, and the auditor must be able to return or accept those afterwards.
    /// A returned questionnaire can then only be resubmitted if the round is reopened.
    /// </summary>
    public static RuleCheck CanReview(RoundStatus round, ParticipationStatus participation)
    {
        if (round == RoundStatus.Draft)
            return RuleCheck.Deny("The round has not opened yet; there is nothing to review.");
        if (round == RoundStatus.Published)
            return RuleCheck.Deny("The round has been published; reviews are no longer possible.");
        return participation switch
        {
            ParticipationStatus.Submitted => RuleCheck.Allow,
            ParticipationStatus.Accepted => RuleCheck.Deny("The questionnaire has already been accepted."),
            _ => RuleCheck.Deny(
                $"Only a submitted questionnaire can be reviewed; this one is '{participation.ToWireName()}'."),
        };
    }

    /// <summary>
    /// Saving answers leaves the participation in_progress: invited starts it, and returned goes back to it
    /// (the return itself stays visible in the review history).
    /// </summary>
    /// <exception cref="InvalidOperationException">The status does not allow edits; check <see cref="CanEditAnswers"/> first.</exception>
    public static ParticipationStatus AfterEdit(ParticipationStatus current) => current switch
    {
        ParticipationStatus.Invited or ParticipationStatus.InProgress or ParticipationStatus.Returned
            => ParticipationStatus.InProgress,
        _ => throw NotPermitted("edit answers", current),
    };

    /// <exception cref="InvalidOperationException">The status does not allow submitting; check <see cref="CanSubmit"/> first.</exception>
    public static ParticipationStatus AfterSubmit(ParticipationStatus current) => current switch
    {
        ParticipationStatus.Invited or ParticipationStatus.InProgress or ParticipationStatus.Returned
            => ParticipationStatus.Submitted,
        _ => throw NotPermitted("submit", current),
    };

    /// <exception cref="InvalidOperationException">The status is not submitted; check <see cref="CanReview"/> first.</exception>
    public static ParticipationStatus AfterReview(ParticipationStatus current, ReviewOutcome outcome)
    {
        if (current != ParticipationStatus.Submitted)
            throw NotPermitted("review", current);
        return outcome switch
        {
            ReviewOutcome.Return => ParticipationStatus.Returned,
            ReviewOutcome.Accept => ParticipationStatus.Accepted,
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
        };
    }

    private static InvalidOperationException NotPermitted(string action, ParticipationStatus current) =>
        new($"Cannot {action} a participation that is '{current.ToWireName()}'.");
}
