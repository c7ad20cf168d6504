using Audit.Core.Reviews;

namespace Audit.Application.Reviews;

/// <summary>Every review of a participation, oldest first: for the bureau and for the institution's own respondents.</summary>
public sealed class ReadReviews(ParticipationScopes scopes, IReviewRepository reviews)
{
    public async Task<Outcome<IReadOnlyList<ReviewRecord>>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        if (!found.IsOk)
        {
            return found.Fail<IReadOnlyList<ReviewRecord>>();
        }
        return Outcome.Of(await reviews.ListAsync(participationId, cancellationToken));
    }
}
