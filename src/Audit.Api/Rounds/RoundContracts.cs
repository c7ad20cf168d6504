using Audit.Application.Rounds;
using Audit.Core.Rounds;

namespace Audit.Api.Rounds;

public sealed record QuestionnaireRefDto(string? Key, string? Version);

public sealed record DominanceDto(int? N, decimal? K);

public sealed record DisclosureDto(int? MinGroupSize, DominanceDto? Dominance);

/// <summary>
/// A new round. <see cref="ReferenceDate"/> is the reporting date (a date, <c>yyyy-MM-dd</c>). The participants are
/// optional: <see cref="Cycle"/> puts the round in an audit cycle (e.g. <c>2023</c>), whose waves the national
/// report to parliament combines. <see cref="ParticipantsFrom"/> copies the institutions (and so their contacts) of another round,
/// <see cref="InstitutionTypes"/> invites every active institution of those types; both may be given.
/// </summary>
public sealed record CreateRoundRequest(
    string? Id, string? Title, QuestionnaireRefDto? Questionnaire, string? BaselineRoundId,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, DisclosureDto? Disclosure,
    DateOnly? ReferenceDate = null, string? ParticipantsFrom = null, IReadOnlyList<string>? InstitutionTypes = null, string? Cycle = null)
{
    public RoundParticipants ToParticipants() => new(ParticipantsFrom, InstitutionTypes);

    public RoundDraft ToDraft()
    {
        DisclosureSettings? disclosure = Disclosure is null ? null : new DisclosureSettings(
            Disclosure.MinGroupSize ?? DisclosureSettings.Default.MinGroupSize,
            Disclosure.Dominance is null ? null : new DominanceRule(
                Disclosure.Dominance.N ?? DominanceRule.Default.N, Disclosure.Dominance.K ?? DominanceRule.Default.K));
        return new RoundDraft(Id, Title, Questionnaire?.Key, Questionnaire?.Version, OpensAt, ClosesAt, BaselineRoundId, disclosure, ReferenceDate, Cycle);
    }
}

public sealed record StatusChangeRequest(string? Status);

/// <summary>
/// A change to a draft or open round; a missing (or null) member is left as it is. An empty <see cref="Cycle"/> takes
/// the round out of its cycle.
/// </summary>
public sealed record UpdateRoundRequest(string? Title, DateTimeOffset? ClosesAt, DateOnly? ReferenceDate, string? Cycle = null)
{
    public RoundChanges ToChanges() => new(Title, ClosesAt, ReferenceDate, Cycle);
}

public sealed record RoundResponse(
    string Id, string Title, QuestionnaireRefDto Questionnaire, string? BaselineRoundId,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DisclosureDto Disclosure, string Status,
    IReadOnlyList<string> AllowedTransitions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateOnly? ReferenceDate, int Version,
    string? Cycle)
{
    public static RoundResponse From(RoundRecord record)
    {
        var round = record.Round;
        var dominance = round.Disclosure.EffectiveDominance;
        return new RoundResponse(round.Id, round.Title, new QuestionnaireRefDto(round.Questionnaire.Key, round.Questionnaire.Version),
            round.BaselineRoundId, round.OpensAt, round.ClosesAt,
            new DisclosureDto(round.Disclosure.MinGroupSize, new DominanceDto(dominance.N, dominance.K)),
            round.Status.ToWireName(), RoundTransitions.Allowed(round.Status).Select(s => s.ToWireName()).ToList(),
            record.CreatedAt, record.UpdatedAt, round.ReferenceDate, record.RowVersion, round.Cycle);
    }
}

public sealed record RoundPage(IReadOnlyList<RoundResponse> Items, int Page, int PageSize, long Total);
