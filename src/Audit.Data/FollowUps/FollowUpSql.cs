namespace Audit.Data.FollowUps;

/// <summary>The follow-ups' and validated scores' SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class FollowUpSql(ISqlDialect dialect)
{
    private const string FollowUpColumns =
        "f.participation_id AS ParticipationId, f.recommendation_id AS RecommendationId, f.status AS Status, f.reason AS Reason, " +
        "f.version AS Version, f.updated_by AS UpdatedBy, f.updated_at AS UpdatedAt";

    private const string ScoreColumns =
        "s.participation_id AS ParticipationId, s.theme_key AS ThemeKey, s.score_tenths AS ScoreTenths, s.justification AS Justification, " +
        "s.version AS Version, s.updated_by AS UpdatedBy, s.updated_at AS UpdatedAt";

    public string ListFollowUps { get; } =
        $"SELECT {FollowUpColumns} FROM recommendation_follow_ups f WHERE f.participation_id = @participation_id ORDER BY f.recommendation_id";

    public string GetFollowUp { get; } =
        $"SELECT {FollowUpColumns} FROM recommendation_follow_ups f WHERE f.participation_id = @participation_id AND f.recommendation_id = @recommendation_id";

    public string ListRoundFollowUps { get; } =
        $"SELECT {FollowUpColumns} FROM recommendation_follow_ups f JOIN participations p ON p.id = f.participation_id " +
        "WHERE p.round_id = @round_id AND p.removed_at IS NULL ORDER BY f.participation_id, f.recommendation_id";

    public string UpdateFollowUp { get; } =
        "UPDATE recommendation_follow_ups SET status = @status, reason = @reason, version = version + 1, updated_by = @updated_by, " +
        "updated_at = @updated_at WHERE participation_id = @participation_id AND recommendation_id = @recommendation_id AND version = @expected";

    public string InsertFollowUp { get; } = dialect.InsertIfAbsent(
        "recommendation_follow_ups", ["participation_id", "recommendation_id"], ["status", "reason", "version", "updated_by", "updated_at"]);

    public string ListScores { get; } =
        $"SELECT {ScoreColumns} FROM validated_scores s WHERE s.participation_id = @participation_id ORDER BY s.theme_key";

    public string GetScore { get; } =
        $"SELECT {ScoreColumns} FROM validated_scores s WHERE s.participation_id = @participation_id AND s.theme_key = @theme_key";

    public string ListRoundScores { get; } =
        $"SELECT {ScoreColumns} FROM validated_scores s JOIN participations p ON p.id = s.participation_id " +
        "WHERE p.round_id = @round_id AND p.removed_at IS NULL ORDER BY s.participation_id, s.theme_key";

    public string UpdateScore { get; } =
        "UPDATE validated_scores SET score_tenths = @score_tenths, justification = @justification, version = version + 1, " +
        "updated_by = @updated_by, updated_at = @updated_at WHERE participation_id = @participation_id AND theme_key = @theme_key AND version = @expected";

    public string InsertScore { get; } = dialect.InsertIfAbsent(
        "validated_scores", ["participation_id", "theme_key"], ["score_tenths", "justification", "version", "updated_by", "updated_at"]);
}
