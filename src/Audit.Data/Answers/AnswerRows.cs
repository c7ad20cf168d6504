using Audit.Core.Answers;

namespace Audit.Data.Answers;

/// <summary>The shapes Dapper reads answers into.</summary>
public sealed partial class AnswerRepository
{
    internal sealed class AnswerRow
    {
        public string ParticipationId { get; set; } = "";
        public string QuestionKey { get; set; } = "";
        public string ValueJson { get; set; } = "";
        public string? Comment { get; set; }
        public bool Prefilled { get; set; }
        public int Version { get; set; }
        public string UpdatedBy { get; set; } = "";
        public DateTimeOffset UpdatedAt { get; set; }

        public AnswerRecord ToRecord() => new(ParticipationId, QuestionKey, ValueJson, Comment, Prefilled, Version, UpdatedBy, UpdatedAt);
    }

    private sealed class VersionRow
    {
        public string ParticipationId { get; set; } = "";
        public string QuestionKey { get; set; } = "";
        public int Version { get; set; }
        public string? ValueJson { get; set; }
        public string? Comment { get; set; }
        public bool Prefilled { get; set; }
        public string ChangedBy { get; set; } = "";
        public DateTimeOffset ChangedAt { get; set; }

        public AnswerVersion ToVersion() => new(ParticipationId, QuestionKey, Version, ValueJson, Comment, Prefilled, ChangedBy, ChangedAt);
    }

    private sealed class CountRow
    {
        public string ParticipationId { get; set; } = "";
        public long Answered { get; set; }
    }
}
