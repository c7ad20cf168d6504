using System.Text.Json;
using Audit.Application.Rounds;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Questionnaires;

namespace Audit.Application.Reports;

/// <summary>One round's part of an analysis export: the round, its questionnaire version and the included participations.</summary>
public sealed record AnalysisRoundData(RoundRecord Round, Questionnaire Questionnaire, IReadOnlyList<ParticipationAnswers> Rows);

/// <summary>What the analysis zip is built from: one round, or for a trend several (oldest first).</summary>
public sealed record AnalysisData(IReadOnlyList<AnalysisRoundData> Rounds, bool IncludesSubmitted, DateTimeOffset GeneratedAt, string GeneratedBy);

/// <summary>
/// The answers for statisticians (R, SPSS, Stata): the accepted participations of a round, or with
/// <c>include=submitted</c> the submitted ones too; and across rounds for a trend. They name institutions, so only the
/// bureau gets them; to anyone else the export does not exist (404), as with the deep-dive. Each download is on the
/// audit trail as a read (<c>export.analysis.read</c>, <c>export.trend.read</c>).
/// </summary>
public sealed class ExportAnalysisData(
    IRoundRepository rounds, IParticipationRepository participations, IRoundAnswersReader answers, ReportInputs inputs,
    IAuditEventRepository audit, TimeProvider clock)
{
    public const string IncludeSubmitted = "submitted";
    private const string NotHere = "There is no analysis export here.";

    public async Task<Outcome<AnalysisData>> ExecuteAsync(Caller caller, string roundId, string? include, CancellationToken cancellationToken)
    {
        if (!caller.IsBureau)
        {
            return new Failure.NotFound(NotHere);
        }
        if (!TryParseInclude(include, out var withSubmitted, out var invalid))
        {
            return invalid!;
        }
        if (await rounds.GetAsync(roundId, cancellationToken) is not { } round)
        {
            return RoundLookup.NotFound(roundId);
        }
        var data = await ReadAsync(round, withSubmitted, cancellationToken);
        return await RecordAsync(caller, [data], withSubmitted, "export.analysis.read", roundId, cancellationToken);
    }

    /// <summary>
    /// <paramref name="roundIds"/> is a comma-separated list of at least two rounds that share at least one question (same
    /// key and type). Every problem with the list is named in one 400.
    /// </summary>
    public async Task<Outcome<AnalysisData>> TrendAsync(Caller caller, string? roundIds, string? include, CancellationToken cancellationToken)
    {
        if (!caller.IsBureau)
        {
            return new Failure.NotFound(NotHere);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var ids = (roundIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        if (ids.Count < 2)
        {
            problems.Add("Name at least two different rounds, separated by a comma (rounds=2023-universiteiten,2025-universiteiten).");
        }
        var found = new List<RoundRecord>();
        foreach (var id in ids.Take(20))
        {
            if (await rounds.GetAsync(id, cancellationToken) is { } round)
            {
                found.Add(round);
            }
            else
            {
                problems.Add($"Round '{id}' does not exist.");
            }
        }
        if (ids.Count > 20)
        {
            problems.Add("At most 20 rounds at a time.");
        }
        var ordered = found.OrderBy(r => r.Round.OpensAt).ThenBy(r => r.Round.Id, StringComparer.Ordinal).ToList();
        var questionnaires = new List<Questionnaire>();
        foreach (var round in ordered)
        {
            questionnaires.Add(await inputs.QuestionnaireAsync(round.Round, cancellationToken));
        }
        if (problems.Count == 0 && !SharesAQuestion(questionnaires))
        {
            problems.Add("The rounds share no question (same key and type): " +
                string.Join(", ", ordered.Zip(questionnaires, (r, q) => $"'{r.Round.Id}' uses {q.Key} {q.Version}")) + ".");
        }
        if (problems.Count > 0)
        {
            errors["rounds"] = [.. problems];
        }
        if (!TryParseInclude(include, out var withSubmitted, out var invalid))
        {
            errors["include"] = ((Failure.Invalid)invalid!).Errors["include"];
        }
        if (errors.Count > 0)
        {
            return new Failure.Invalid(errors, "No trend export: " + string.Join(" ", errors.Values.SelectMany(v => v)));
        }
        var parts = new List<AnalysisRoundData>();
        for (var i = 0; i < ordered.Count; i++)
        {
            parts.Add(await ReadAsync(ordered[i], withSubmitted, cancellationToken, questionnaires[i]));
        }
        return await RecordAsync(caller, parts, withSubmitted, "export.trend.read", string.Join(",", ordered.Select(r => r.Round.Id)), cancellationToken);
    }

    private static bool SharesAQuestion(IReadOnlyList<Questionnaire> questionnaires) =>
        questionnaires.Count > 0 && questionnaires[0].AllQuestions.Any(q =>
            questionnaires.All(other => other.FindQuestion(q.Key) is { } found && found.Type == q.Type));

    private static bool TryParseInclude(string? include, out bool withSubmitted, out Failure? invalid)
    {
        withSubmitted = false;
        invalid = null;
        switch (include?.Trim())
        {
            case null or "":
                return true;
            case IncludeSubmitted:
                withSubmitted = true;
                return true;
            default:
                invalid = new Failure.Invalid(new Dictionary<string, string[]>
                {
                    ["include"] = [$"include is either absent (accepted participations only) or '{IncludeSubmitted}' (accepted and submitted)."],
                });
                return false;
        }
    }

    /// <summary>One query for the round's answers; the participations come in institution order, filtered by status.</summary>
    private async Task<AnalysisRoundData> ReadAsync(RoundRecord round, bool withSubmitted, CancellationToken cancellationToken, Questionnaire? questionnaire = null)
    {
        questionnaire ??= await inputs.QuestionnaireAsync(round.Round, cancellationToken);
        var values = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        await foreach (var answered in answers.StreamAsync(round.Round.Id, cancellationToken))
        {
            values[answered.ParticipationId] = AnswerInput.Values(answered.ValuesJson);
        }
        var rows = new List<ParticipationAnswers>();
        await foreach (var participation in RoundParticipations.AllAsync(participations, round.Round.Id, cancellationToken))
        {
            if (participation.Status == ParticipationStatus.Accepted || (withSubmitted && participation.Status == ParticipationStatus.Submitted))
            {
                rows.Add(new ParticipationAnswers(participation,
                    values.GetValueOrDefault(participation.Id) ?? new Dictionary<string, JsonElement>(StringComparer.Ordinal)));
            }
        }
        return new AnalysisRoundData(round, questionnaire, rows);
    }

    private async Task<AnalysisData> RecordAsync(
        Caller caller, IReadOnlyList<AnalysisRoundData> parts, bool withSubmitted, string action, string objectId, CancellationToken cancellationToken)
    {
        var actor = caller.ToActor();
        var now = clock.GetUtcNow();
        var count = parts.Sum(p => p.Rows.Count);
        await audit.RecordAsync(actor.Did(action, "round", objectId, now,
            $"zip {count} participation(s), {(withSubmitted ? "accepted and submitted" : "accepted")}"), cancellationToken);
        return new AnalysisData(parts, withSubmitted, now, actor.Id ?? "unknown");
    }
}
