using Audit.Core.Rounds;

namespace Audit.Data.Rounds;

/// <summary>A row of round_status_changes or participation_status_changes.</summary>
internal sealed class StatusHistoryRow
{
    public string FromStatus { get; set; } = "";
    public string ToStatus { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public string? ActorId { get; set; }

    public StatusHistoryEntry<TStatus> ToEntry<TStatus>(Func<string, TStatus> parse)
        where TStatus : struct, Enum => new(parse(FromStatus), parse(ToStatus), ChangedAt, ActorId);
}
