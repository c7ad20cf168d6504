using Audit.Application.Reviews;
using Audit.Core.Reviews;

namespace Audit.Application.Findings;

/// <summary>
/// The findings editor's view: the participation with its progress (for the heading; the answers themselves are not
/// shown, so this is no confidential read), the findings as they are now and the name of who saved them last.
/// </summary>
public sealed record FindingsEditor(ParticipationScope Scope, CompletenessResult Completeness, FindingsRecord? Current, string? UpdatedByName);

/// <summary>
/// The bureau's findings on a participation. The bureau always reads them; the institution only once the round is
/// published, because until then they may still change.
/// </summary>
public sealed class ReadFindings(ParticipationScopes scopes, IFindingsRepository findings, IAnswerRepository answers, IUserRepository users)
{
    public async Task<Outcome<FindingsRecord>> ExecuteAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var found = await scopes.VisibleAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        if (!caller.IsBureau && scope.Round.Round.Status != RoundStatus.Published)
        {
            return new Failure.Forbidden("The findings are shown to the institution once the round is published.");
        }
        if (await findings.GetAsync(participationId, cancellationToken) is not { } record)
        {
            return new Failure.NotFound("There are no findings for this participation yet.");
        }
        return record;
    }

    /// <summary>What the bureau's findings editor shows; the findings may not exist yet.</summary>
    public async Task<Outcome<FindingsEditor>> EditorAsync(Caller caller, string participationId, CancellationToken cancellationToken)
    {
        var found = await scopes.ForBureauAsync(participationId, caller, cancellationToken);
        if (!found.TryGetValue(out var scope, out var failure))
        {
            return failure;
        }
        var completeness = AnswerValidator.CompletenessCheck(scope.Questionnaire, AnswerInput.Values(await answers.ListAsync(participationId, cancellationToken)));
        var current = await findings.GetAsync(participationId, cancellationToken);
        var name = current is null ? null : (await UserNames.ResolveAsync(users, [current.UpdatedBy], cancellationToken))[current.UpdatedBy];
        return new FindingsEditor(scope, completeness, current, name);
    }
}
