using Audit.Core.Paging;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;

namespace Audit.Application.Questionnaires;

/// <summary>A stored version and the rounds that ask it, oldest opening first.</summary>
public sealed record QuestionnaireUse(QuestionnaireSummary Questionnaire, IReadOnlyList<Round> Rounds);

/// <summary>
/// The bureau's overview of questionnaire versions: every version with the rounds that use it, so an admin sees which
/// versions are fixed by a round and which one a new round should take.
/// </summary>
public sealed class ReadQuestionnaireUses(IQuestionnaireRepository questionnaires, IRoundRepository rounds)
{
    public async Task<Outcome<IReadOnlyList<QuestionnaireUse>>> ExecuteAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (Permission.BureauOnly(caller) is { } refused)
        {
            return refused;
        }
        var versions = await questionnaires.ListAsync(cancellationToken);
        var byVersion = (await RoundsUsingAsync(rounds, cancellationToken)).ToLookup(r => r.Questionnaire);
        return Outcome.Of<IReadOnlyList<QuestionnaireUse>>([.. versions.Select(v =>
            new QuestionnaireUse(v, [.. byVersion[new QuestionnaireRef(v.Key, v.Version)].OrderBy(r => r.OpensAt).ThenBy(r => r.Id, StringComparer.Ordinal)]))]);
    }

    /// <summary>
    /// Every round. An audit has a few rounds a year, so all fit the largest page; more than that would be a different
    /// product, and the guard makes it fail loudly rather than silently forget a round that fixes a version.
    /// </summary>
    internal static async Task<IReadOnlyList<Round>> RoundsUsingAsync(IRoundRepository rounds, CancellationToken cancellationToken)
    {
        var page = await rounds.ListAsync(new RoundQuery(), new PageRequest(1, PageRequest.MaxPageSize), cancellationToken);
        if (page.Total > page.Items.Count)
        {
            throw new InvalidOperationException($"More than {PageRequest.MaxPageSize} rounds: the questionnaire overview reads them in one page.");
        }
        return [.. page.Items.Select(r => r.Round)];
    }
}
