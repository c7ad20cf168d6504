namespace Audit.Data.Mail;

/// <summary>The round mail repository's SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class RoundMailSql(ISqlDialect dialect)
{
    /// <summary>A participation without an active respondent still gives one row (with a null user), so it can be counted.</summary>
    public string Contacts { get; } =
        "SELECT p.id AS ParticipationId, p.institution_id AS InstitutionId, i.name AS InstitutionName, i.type AS InstitutionType, " +
        "p.status AS Status, p.closes_at AS ClosesAt, u.id AS UserId, u.name AS UserName, u.email AS Email " +
        "FROM participations p JOIN institutions i ON i.id = p.institution_id " +
        "LEFT JOIN users u ON u.institution_id = p.institution_id AND u.role = @role AND u.active = @active " +
        "WHERE p.round_id = @roundId AND p.removed_at IS NULL ORDER BY p.institution_id, u.email";

    public string Invitations { get; } =
        "SELECT round_id AS RoundId, user_id AS UserId, token_id AS TokenId, mail_id AS MailId, sends AS Sends, " +
        "created_at AS CreatedAt, updated_at AS UpdatedAt FROM round_invitations WHERE round_id = @roundId ORDER BY user_id";

    /// <summary>Affects no row when the user already has an invitation to the round: the primary key decides, not a read.</summary>
    public string InsertInvitation { get; } = dialect.InsertIfAbsent(
        "round_invitations", ["round_id", "user_id"], ["token_id", "mail_id", "sends", "created_at", "updated_at"]);

    /// <summary>Compare-and-set on the current token: of two concurrent re-sends exactly one affects the row.</summary>
    public string ReplaceInvitation { get; } =
        "UPDATE round_invitations SET token_id = @token_id, mail_id = @mail_id, sends = sends + 1, updated_at = @updated_at " +
        "WHERE round_id = @round_id AND user_id = @user_id AND token_id = @replaces";

    public string RevokeToken { get; } = "UPDATE access_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL";
}
