namespace Audit.Data.Rounds;

/// <summary>
/// The participation's status as the collection and review writes see it: read, read under a share lock, and
/// changed by compare-and-set on both the participation's and the round's status.
/// </summary>
public sealed class ParticipationStateSql(ISqlDialect dialect)
{
    public string State { get; } =
        "SELECT p.status AS Status, r.status AS RoundStatus, p.round_id AS RoundId, p.institution_id AS InstitutionId, " +
        "i.type AS InstitutionType FROM participations p JOIN rounds r ON r.id = p.round_id " +
        "JOIN institutions i ON i.id = p.institution_id WHERE p.id = @id AND p.removed_at IS NULL";

    /// <summary>
    /// Keeps the participation's and the round's status as read until the transaction ends: a status change (submit,
    /// review, closing the round) waits for the writes that hold this lock, while those writes never wait for each other.
    /// </summary>
    public string LockedState { get; } =
        $"SELECT p.status AS Status, r.status AS RoundStatus FROM participations p{dialect.ShareLockHint} " +
        $"JOIN rounds r{dialect.ShareLockHint} ON r.id = p.round_id WHERE p.id = @id AND p.removed_at IS NULL{dialect.ShareLockClause}";

    /// <summary>
    /// <see cref="ParticipationSql.ChangeStatus"/> (a compare-and-set on the participation's status), and only while
    /// the round is in one of two statuses (pass the same one twice for one).
    /// </summary>
    public string ChangeStatus { get; } = new ParticipationSql(dialect).ChangeStatus +
        " AND EXISTS (SELECT 1 FROM rounds r WHERE r.id = participations.round_id AND r.status IN (@roundStatus1, @roundStatus2))";

    public string InsertStatusChange { get; } = new ParticipationSql(dialect).InsertStatusChange;
}
