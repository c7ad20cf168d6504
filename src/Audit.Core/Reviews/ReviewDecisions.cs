using Audit.Core.Rounds;

namespace Audit.Core.Reviews;

/// <summary>Wire names of the auditor's decision: <c>return</c> and <c>accept</c>.</summary>
public static class ReviewDecisions
{
    public static string ToWireName(this ReviewOutcome decision) => decision switch
    {
        ReviewOutcome.Return => "return",
        ReviewOutcome.Accept => "accept",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static bool TryParse(string? wireName, out ReviewOutcome decision)
    {
        switch (wireName)
        {
            case "return": decision = ReviewOutcome.Return; return true;
            case "accept": decision = ReviewOutcome.Accept; return true;
            default: decision = default; return false;
        }
    }
}
