namespace Audit.Application.Reports;

/// <summary>
/// "Not before publication", in one place. The bureau sees a round's figures at any time; everyone else only once
/// the round is published, because until then accepted answers may still be returned and the figures change.
/// </summary>
public static class Publication
{
    public static bool IsPublished(Round round) => round.Status == RoundStatus.Published;

    /// <summary>
    /// The published statistics (sector and parliament reports, the CSV): the bureau always, the ministry once
    /// published. Respondents never: their feedback report already sets them against their sector.
    /// </summary>
    public static bool MaySeeStatistics(this Caller caller, Round round) =>
        caller.IsBureau || (caller.Role == Role.Ministry && IsPublished(round));

    /// <summary>
    /// A feedback report of a participation the caller can see: the bureau always, the institution once published.
    /// Before that the institution's own report does not exist for it, like any data it may not see.
    /// </summary>
    public static bool MaySeeFeedback(this Caller caller, Round round) => caller.IsBureau || IsPublished(round);
}
