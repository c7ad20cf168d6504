using Audit.Application.Reports;
using Audit.Core.DeepDives;
using Audit.Core.Paging;
using Audit.Core.Questionnaires;

namespace Audit.Application.DeepDives;

/// <summary>One sector of a round as the deep-dive sees it: the round's questionnaire and the type's participations.</summary>
public sealed record DeepDiveSector(RoundRecord Round, Questionnaire Questionnaire, InstitutionType Type, IReadOnlyList<ParticipationRecord> Participations)
{
    public string TypeName => Type.ToWireName();

    public string ObjectId => $"{Round.Round.Id}/{TypeName}";

    public ParticipationRecord? Find(string? institutionId) => Participations.FirstOrDefault(p => p.InstitutionId == institutionId);
}

/// <summary>
/// The one access rule of the deep-dive: it is the bureau's confidential work, so to anyone else (the ministry, any
/// respondent) it does not exist (not found, not forbidden, so not even its existence leaks). A sector exists when
/// the round has participations of that type.
/// </summary>
public sealed class DeepDiveSectors(IRoundRepository rounds, IParticipationRepository participations, ReportInputs inputs)
{
    public const int MaxTextLength = 10_000;

    public async Task<Outcome<DeepDiveSector>> FindAsync(Caller caller, string roundId, string institutionType, CancellationToken cancellationToken)
    {
        if (!caller.IsBureau || !InstitutionTypes.TryParse(institutionType, out var type) || await rounds.GetAsync(roundId, cancellationToken) is not { } round)
        {
            return NotFound(roundId, institutionType);
        }
        var members = new List<ParticipationRecord>();
        for (var page = 1; ; page++)
        {
            var listed = await participations.ListByRoundAsync(roundId, new PageRequest(page, PageRequest.MaxPageSize), cancellationToken);
            members.AddRange(listed.Items.Where(p => p.InstitutionType == type));
            if (listed.Items.Count < PageRequest.MaxPageSize)
            {
                break;
            }
        }
        if (members.Count == 0)
        {
            return NotFound(roundId, institutionType);
        }
        return new DeepDiveSector(round, await inputs.QuestionnaireAsync(round.Round, cancellationToken), type, members);
    }

    public static Failure.NotFound NotFound(string roundId, string institutionType) =>
        new($"Round '{roundId}' has no deep-dive for '{institutionType}'.");
}

/// <summary>How a store outcome becomes a use-case outcome, the same for selections and records.</summary>
internal static class DeepDiveOutcomes
{
    public static Failure.Stale Stale(string what, int? version) =>
        new(version is null ? $"There is no {what} at that version." : $"The {what} was changed meanwhile; it is now at version {version}.", version);
}
