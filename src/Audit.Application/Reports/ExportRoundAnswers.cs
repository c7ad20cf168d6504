using System.Text.Json;
using Audit.Core.AuditTrail;
using Audit.Core.Questionnaires;

namespace Audit.Application.Reports;

/// <summary>One participation's current answers, question key to value; empty when it answered nothing yet.</summary>
public sealed record ParticipationAnswers(ParticipationRecord Participation, IReadOnlyDictionary<string, JsonElement> Answers);

/// <summary>A round's raw answers as the workbook shows them, with who made the export and when.</summary>
public sealed record RoundAnswersExport(
    RoundRecord Round, Questionnaire Questionnaire, IReadOnlyList<ParticipationAnswers> Rows, DateTimeOffset GeneratedAt, string GeneratedBy);

/// <summary>
/// The round's raw answers for the bureau only: they name institutions. Every participation, whatever its status,
/// with its current answers. The export is on the audit trail, named as a read (<c>answers.read-export</c>).
/// </summary>
public sealed class ExportRoundAnswers(
    IRoundRepository rounds, IParticipationRepository participations, IRoundAnswersReader answers, ReportInputs inputs,
    IAuditEventRepository audit, TimeProvider clock)
{
    public async Task<Outcome<RoundAnswersExport>> ExecuteAsync(Caller caller, string roundId, CancellationToken cancellationToken)
    {
        var found = await rounds.BureauRoundAsync(caller, roundId, cancellationToken);
        if (!found.TryGetValue(out var round, out var failure))
        {
            return failure;
        }
        var questionnaire = await inputs.QuestionnaireAsync(round.Round, cancellationToken);
        // One query for the round's answers, not one per participation; each participation's JSON is parsed as it streams.
        var values = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        await foreach (var answered in answers.StreamAsync(roundId, cancellationToken))
        {
            values[answered.ParticipationId] = AnswerInput.Values(answered.ValuesJson);
        }
        var rows = new List<ParticipationAnswers>();
        await foreach (var participation in RoundParticipations.AllAsync(participations, roundId, cancellationToken))
        {
            rows.Add(new ParticipationAnswers(participation,
                values.GetValueOrDefault(participation.Id) ?? new Dictionary<string, JsonElement>(StringComparer.Ordinal)));
        }
        var actor = caller.ToActor();
        var now = clock.GetUtcNow();
        await audit.RecordAsync(actor.Did("answers.read-export", "round", roundId, now, $"xlsx {rows.Count} participation(s)"), cancellationToken);
        return new RoundAnswersExport(round, questionnaire, rows, now, actor.Id ?? "unknown");
    }
}
