using Audit.Application.Reports;
using Audit.Core.Questionnaires;

namespace Audit.Application.SectorFindings;

/// <summary>The round and institution type sector findings are about, with the questionnaire whose themes they follow.</summary>
public sealed record SectorFindingsTarget(RoundRecord Round, InstitutionType Type, Questionnaire Questionnaire)
{
    public string TypeName => Type.ToWireName();
}

/// <summary>
/// Finds what sector findings are written on, for the bureau only. Anyone else, the ministry included, is told there
/// is nothing: draft findings may never reach the ministry, not even their existence (only approved findings of a
/// published round do, and only through reports).
/// </summary>
public sealed class SectorFindingsScope(IRoundRepository rounds, ReportInputs inputs)
{
    public async Task<Outcome<SectorFindingsTarget>> ExecuteAsync(Caller caller, string roundId, string institutionType, CancellationToken cancellationToken)
    {
        if (!caller.IsBureau || !InstitutionTypes.TryParse(institutionType, out var type)
            || await rounds.GetAsync(roundId, cancellationToken) is not { } round)
        {
            return NotFound(roundId, institutionType);
        }
        return new SectorFindingsTarget(round, type, await inputs.QuestionnaireAsync(round.Round, cancellationToken));
    }

    public static Failure.NotFound NotFound(string roundId, string institutionType) =>
        new($"There are no sector findings of '{institutionType}' in round '{roundId}' that you can see.");
}
