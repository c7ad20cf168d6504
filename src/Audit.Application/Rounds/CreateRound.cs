namespace Audit.Application.Rounds;

/// <summary>
/// An admin creates a round, in draft: every invalid field at once (Core's <see cref="RoundRules"/>), then the
/// questionnaire version and the baseline round must exist, and the id must be free.
/// </summary>
public sealed class CreateRound(IRoundRepository rounds, TimeProvider clock)
{
    public async Task<Outcome<RoundRecord>> ExecuteAsync(Caller caller, RoundDraft draft, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        if (!RoundRules.TryCreate(draft, out var round, out var errors))
        {
            return new Failure.Invalid(FieldErrors.ToDictionary(errors));
        }
        var audit = caller.ToActor().Did("round.created", "round", round.Id, clock.GetUtcNow(),
            $"{round.Questionnaire.Key} {round.Questionnaire.Version}, {round.OpensAt:O} – {round.ClosesAt:O}");
        return await rounds.InsertAsync(round, audit, cancellationToken) switch
        {
            RoundInsertOutcome.Inserted => (await rounds.GetAsync(round.Id, cancellationToken))!,
            RoundInsertOutcome.IdTaken => new Failure.Conflict($"Round '{round.Id}' already exists."),
            RoundInsertOutcome.QuestionnaireNotFound => Failure.Invalid.Field("questionnaire",
                $"Questionnaire '{round.Questionnaire.Key}' version '{round.Questionnaire.Version}' does not exist."),
            _ => Failure.Invalid.Field("baselineRoundId", $"Baseline round '{round.BaselineRoundId}' does not exist."),
        };
    }
}
