using Audit.Core.Paging;

namespace Audit.Application.Rounds;

/// <summary>Audit rounds, newest opening first. Every signed-in role reads them: the ministry follows the rounds too.</summary>
public sealed class ReadRounds(IRoundRepository rounds)
{
    /// <summary>One page of rounds, optionally of one status (its wire name) and of one cycle.</summary>
    public async Task<Outcome<Page<RoundRecord>>> ExecuteAsync(
        Caller caller, string? status, PageInput page, CancellationToken cancellationToken, string? cycle = null)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = WireValues.RoundStatus(status, "status", errors);
        if (cycle is not null && RoundRules.ValidateCycle(cycle) is { } cycleError)
        {
            errors["cycle"] = [cycleError];
        }
        page.Check(errors);
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors);
        }
        return await rounds.ListAsync(new RoundQuery(parsed, cycle), page.ToRequest(), cancellationToken);
    }

    public Task<Outcome<RoundRecord>> GetAsync(Caller caller, string roundId, CancellationToken cancellationToken) =>
        rounds.FindAsync(roundId, cancellationToken);
}
