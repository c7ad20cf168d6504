namespace Audit.Data.Rounds;

/// <summary>The participations' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class ParticipationSql(ISqlDialect dialect)
{
    internal const string Select =
        "SELECT p.id, p.round_id AS RoundId, p.institution_id AS InstitutionId, i.name AS InstitutionName, " +
        "i.type AS InstitutionType, p.status, p.submitted_at AS SubmittedAt, p.accepted_at AS AcceptedAt, " +
        "p.returned_at AS ReturnedAt, p.created_at AS CreatedAt, p.updated_at AS UpdatedAt, p.row_version AS RowVersion, " +
        "p.closes_at AS ClosesAt FROM participations p JOIN institutions i ON i.id = p.institution_id";

    /// <summary>A removed participation is hidden from every read: the round no longer has it.</summary>
    internal const string Present = " AND p.removed_at IS NULL";

    public string Get { get; } = Select + " WHERE p.id = @id" + Present;

    public string Find { get; } = Select + " WHERE p.round_id = @roundId AND p.institution_id = @institutionId" + Present;

    /// <summary>A whole round: at most a few hundred rows, read to answer an invitation.</summary>
    public string AllOfRound { get; } = Select + " WHERE p.round_id = @roundId" + Present;

    public string PageOfRound(int offset, int limit) =>
        Select + " WHERE p.round_id = @roundId" + Present + " ORDER BY p.institution_id " + dialect.Paging(offset, limit);

    public string PageOfRoundSample => PageOfRound(0, 50);

    public string TypesOfRound { get; } =
        "SELECT DISTINCT i.type FROM participations p JOIN institutions i ON i.id = p.institution_id WHERE p.round_id = @roundId" + Present;

    public string CountOfRound { get; } = "SELECT COUNT(*) FROM participations WHERE round_id = @roundId AND removed_at IS NULL";

    /// <summary>Idempotent on (round_id, institution_id): an existing participation is left as it is.</summary>
    public string Invite { get; } = dialect.InsertIfAbsent(
        "participations", ["round_id", "institution_id"], ["id", "status", "created_at", "updated_at"]);

    /// <summary>
    /// Compare-and-set on the status. A timestamp parameter is null unless this change sets it, so the
    /// latest submission, acceptance and return stay recorded.
    /// </summary>
    public string ChangeStatus { get; } =
        "UPDATE participations SET status = @to, updated_at = @now, row_version = row_version + 1, " +
        "submitted_at = COALESCE(@submittedAt, submitted_at), accepted_at = COALESCE(@acceptedAt, accepted_at), " +
        "returned_at = COALESCE(@returnedAt, returned_at) WHERE id = @id AND status = @expected AND removed_at IS NULL";

    /// <summary>Brings back a removed participation when its institution is invited again.</summary>
    public string Restore { get; } =
        "UPDATE participations SET removed_at = NULL, updated_at = @now, row_version = row_version + 1 " +
        "WHERE round_id = @roundId AND institution_id = @institutionId AND removed_at IS NOT NULL";

    public string RemovedId { get; } =
        "SELECT id FROM participations WHERE round_id = @roundId AND institution_id = @institutionId";

    public string SetDeadline { get; } =
        "UPDATE participations SET closes_at = @closesAt, updated_at = @now, row_version = row_version + 1 " +
        "WHERE id = @id AND removed_at IS NULL";

    public string Remove { get; } =
        "UPDATE participations SET removed_at = @now, updated_at = @now, row_version = row_version + 1 " +
        "WHERE id = @id AND removed_at IS NULL";

    /// <summary>What a removal would hide: answers, evidence and submissions (each counts; only zero matters).</summary>
    public string Work { get; } =
        "SELECT (SELECT COUNT(*) FROM answers WHERE participation_id = @id) + " +
        "(SELECT COUNT(*) FROM evidence WHERE participation_id = @id) + " +
        "(SELECT COUNT(*) FROM submissions WHERE participation_id = @id)";

    public string AnswerCount { get; } = "SELECT COUNT(*) FROM answers WHERE participation_id = @id";

    public string InsertStatusChange { get; } =
        "INSERT INTO participation_status_changes (participation_id, from_status, to_status, changed_at, actor_id) " +
        "VALUES (@id, @expected, @to, @now, @actorId)";

    public string StatusHistory { get; } =
        "SELECT from_status AS FromStatus, to_status AS ToStatus, changed_at AS ChangedAt, actor_id AS ActorId " +
        "FROM participation_status_changes WHERE participation_id = @id ORDER BY id";
}
