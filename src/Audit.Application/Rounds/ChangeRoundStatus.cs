namespace Audit.Application.Rounds;

/// <summary>
/// An admin moves a round along draft → open → closed → published (closed may reopen). A move that
/// <see cref="RoundTransitions"/> does not allow is a conflict carrying the current status and the allowed moves
/// (extensions <c>currentStatus</c> and <c>allowedTransitions</c>, as <see cref="RoundStatus"/> values); of two
/// concurrent moves from the same status only one wins. Publishing has rules and mail of its own: it is
/// <see cref="PublishRound"/>.
/// </summary>
public sealed class ChangeRoundStatus(IRoundRepository rounds, PublishRound publish, TimeProvider clock)
{
    public async Task<Outcome<RoundRecord>> ExecuteAsync(Caller caller, string roundId, string? status, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        if (!RoundStatuses.TryParse(status, out var to))
        {
            return Failure.Invalid.Field("status", WireValues.Unknown(status, "a round status", RoundStatuses.WireNames));
        }
        if (to == RoundStatus.Published)
        {
            return await publish.ExecuteAsync(caller, roundId, cancellationToken);
        }
        var found = await rounds.FindAsync(roundId, cancellationToken);
        if (!found.TryGetValue(out var current, out var failure))
        {
            return failure;
        }
        var from = current.Round.Status;
        var check = RoundTransitions.Check(from, to);
        if (!check.IsAllowed)
        {
            return Refused(check);
        }
        var audit = caller.ToActor().Did("round.status-changed", "round", roundId, clock.GetUtcNow(), $"{from.ToWireName()} → {to.ToWireName()}");
        var result = await rounds.ChangeStatusAsync(roundId, from, to, audit, cancellationToken);
        return result.Outcome switch
        {
            StatusChangeOutcome.Changed => result.Record!,
            StatusChangeOutcome.NotFound => RoundLookup.NotFound(roundId),
            _ => new Failure.Conflict($"The round's status changed meanwhile to '{result.Record?.Round.Status.ToWireName()}'; reload and try again."),
        };
    }

    /// <summary>The 409 of a move the transitions do not allow, with the current status and the allowed moves.</summary>
    internal static Failure.Conflict Refused(TransitionCheck<RoundStatus> check) => new(check.Error!)
    {
        Extensions = new Dictionary<string, object?> { ["currentStatus"] = check.From, ["allowedTransitions"] = check.Allowed },
    };
}
