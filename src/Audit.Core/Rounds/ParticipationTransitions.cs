namespace Audit.Core.Rounds;

/// <summary>
/// Allowed participation status changes:
/// <list type="bullet">
/// <item>invited → in_progress: the first answer is saved.</item>
/// <item>invited → submitted: submitting without editing (e.g. nothing to report is still a submission).</item>
/// <item>in_progress → submitted.</item>
/// <item>submitted → returned / accepted: the auditor's review.</item>
/// <item>returned → in_progress: an edit after the return; returned → submitted: resubmit as is.</item>
/// </list>
/// Not allowed: withdrawing a submission (submitted → in_progress; the auditor returns it instead, so the
/// review trail stays complete) and anything out of accepted, which is final.
/// Whether the round's status permits a change is decided by <see cref="ParticipationRules"/>.
/// </summary>
public static class ParticipationTransitions
{
    private static readonly TransitionTable<ParticipationStatus> Table = new(
        new Dictionary<ParticipationStatus, ParticipationStatus[]>
        {
            [ParticipationStatus.Invited] = [ParticipationStatus.InProgress, ParticipationStatus.Submitted],
            [ParticipationStatus.InProgress] = [ParticipationStatus.Submitted],
            [ParticipationStatus.Submitted] = [ParticipationStatus.Returned, ParticipationStatus.Accepted],
            [ParticipationStatus.Returned] = [ParticipationStatus.InProgress, ParticipationStatus.Submitted],
            [ParticipationStatus.Accepted] = [],
        },
        ParticipationStatuses.ToWireName);

    public static IReadOnlyList<ParticipationStatus> Allowed(ParticipationStatus from) => Table.Allowed(from);

    public static TransitionCheck<ParticipationStatus> Check(ParticipationStatus from, ParticipationStatus to) =>
        Table.Check(from, to);
}
