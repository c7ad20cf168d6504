using Audit.Core.Rounds;

namespace Audit.Api.Rounds;

public sealed record QuestionnaireRefDto(string? Key, string? Version);

public sealed record DominanceDto(int? N, decimal? K);

public sealed record DisclosureDto(int? MinGroupSize, DominanceDto? Dominance);

public sealed record CreateRoundRequest(
    string? Id, string? Title, QuestionnaireRefDto? Questionnaire, string? BaselineRoundId,
    DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, DisclosureDto? Disclosure)
{
    public RoundDraft ToDraft()
    {
        DisclosureSettings? disclosure = Disclosure is null ? null : new DisclosureSettings(
            Disclosure.MinGroupSize ?? DisclosureSettings.Default.MinGroupSize,
            Disclosure.Dominance is null ? null : new DominanceRule(
                Disclosure.Dominance.N ?? DominanceRule.Default.N, Disclosure.Dominance.K ?? DominanceRule.Default.K));
        return new RoundDraft(Id, Title, Questionnaire?.Key, Questionnaire?.Version, OpensAt, ClosesAt, BaselineRoundId, disclosure);
    }
}

public sealed record StatusChangeRequest(string? Status);

public sealed record RoundResponse(
    string Id, string Title, QuestionnaireRefDto Questionnaire, string? BaselineRoundId,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DisclosureDto Disclosure, string Status,
    IReadOnlyList<string> AllowedTransitions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static RoundResponse From(RoundRecord record)
    {
        var round = record.Round;
        var dominance = round.Disclosure.EffectiveDominance;
        return new RoundResponse(round.Id, round.Title, new QuestionnaireRefDto(round.Questionnaire.Key, round.Questionnaire.Version),
            round.BaselineRoundId, round.OpensAt, round.ClosesAt,
            new DisclosureDto(round.Disclosure.MinGroupSize, new DominanceDto(dominance.N, dominance.K)),
            round.Status.ToWireName(), RoundTransitions.Allowed(round.Status).Select(s => s.ToWireName()).ToList(),
            record.CreatedAt, record.UpdatedAt);
    }
}

public sealed record RoundPage(IReadOnlyList<RoundResponse> Items, int Page, int PageSize, long Total);
