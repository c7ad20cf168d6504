using Audit.Api.Tests.Infrastructure;
using Audit.Application.Answers;
using Audit.Application.Outcomes;
using Audit.Core.Access;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Collection.CollectionFixture;
using UseCaseCaller = Audit.Application.Access.Caller;

namespace Audit.Api.Tests.Collection;

/// <summary>
/// The theme form's save (<see cref="SaveThemeAnswers"/>): its second reading after stale versions, which no page test
/// can time. The pages' own tests cover everything else.
/// </summary>
[TestClass]
public sealed class SaveThemeAnswersTests
{
    private const string Question = "risicoanalyse.uitgevoerd";
    private static readonly UseCaseCaller Respondent = new("test-respondent", Role.Respondent, Own);
    private static readonly Actor Colleague = new("colleague", "respondent");

    private sealed record Changes(IReadOnlyList<AnswerWrite> Writes, IReadOnlyList<AnswerClear> Clears, bool HasErrors = false) : IFormChanges;

    /// <summary>
    /// The form as the page read it, with the version it was rendered with: the first reading plans against that page;
    /// a later one, like <c>ThemeSubmission</c>, writes only what the answers do not hold yet.
    /// </summary>
    private static Func<Audit.Application.Participations.ParticipationScope, IReadOnlyList<AnswerRecord>, Changes> Form(
        string posted, int renderedVersion, List<int> readings) => (_, current) =>
    {
        readings.Add(current.Count);
        var stored = current.SingleOrDefault(a => a.QuestionKey == Question);
        var write = new AnswerWrite(Question, $"\"{posted}\"", null, renderedVersion);
        return readings.Count == 1 || stored?.ValueJson != write.ValueJson ? new Changes([write], []) : new Changes([], []);
    };

    private static async Task<(AuditApp App, string Participation, IAnswerRepository Answers)> OpenAsync(string round)
    {
        var app = new AuditApp();
        using var admin = await app.ClientForAsync(Role.Admin);
        var (own, _) = await OpenRoundAsync(admin, round);
        var answers = app.Services.GetRequiredService<IAnswerRepository>();
        Assert.IsTrue((await answers.SaveAsync(own, new AnswerWrite(Question, "\"yes\""), Colleague, DateTimeOffset.UtcNow)).Saved);
        return (app, own, answers);
    }

    [TestMethod]
    public async Task A_form_stale_only_because_its_own_autosave_saved_the_same_value_is_saved_on_the_second_reading()
    {
        var (app, own, answers) = await OpenAsync("2023-theme-autosave");
        await using var lifetime = app;
        // The page's autosave committed the posted value after the form was rendered at version 1.
        Assert.IsTrue((await answers.SaveAsync(own, new AnswerWrite(Question, "\"no\"", null, 1), Colleague, DateTimeOffset.UtcNow)).Saved);
        var readings = new List<int>();

        var outcome = await app.Services.GetRequiredService<SaveThemeAnswers>().ExecuteAsync(Respondent, own, Form("no", 1, readings), CancellationToken.None);

        Assert.IsTrue(outcome.IsOk, outcome.Failure?.Detail);
        Assert.IsTrue(outcome.Value.Saved);
        Assert.HasCount(2, readings, "read again after the stale version");
        Assert.AreEqual(2, (await answers.GetAsync(own, Question))!.Version, "nothing was written a second time");
    }

    [TestMethod]
    public async Task A_colleagues_different_answer_stays_stale_after_the_second_reading_and_nothing_is_saved()
    {
        var (app, own, answers) = await OpenAsync("2023-theme-colleague");
        await using var lifetime = app;
        Assert.IsTrue((await answers.SaveAsync(own, new AnswerWrite(Question, "\"no\"", null, 1), Colleague, DateTimeOffset.UtcNow)).Saved);
        var readings = new List<int>();

        var outcome = await app.Services.GetRequiredService<SaveThemeAnswers>().ExecuteAsync(Respondent, own, Form("yes", 1, readings), CancellationToken.None);

        Assert.IsTrue(outcome.IsOk, outcome.Failure?.Detail);
        Assert.IsFalse(outcome.Value.Saved);
        Assert.HasCount(2, readings, "one second reading, no more");
        var stale = outcome.Value.Stale.Single();
        Assert.AreEqual(Question, stale.QuestionKey);
        Assert.AreEqual(2, stale.Answer!.Version, "the answer as it now is, for the page to expect next");
        Assert.AreEqual("\"no\"", (await answers.GetAsync(own, Question))!.ValueJson);
    }

    [TestMethod]
    public async Task A_value_the_questionnaire_refuses_is_invalid_whoever_read_the_form()
    {
        var (app, own, answers) = await OpenAsync("2023-theme-invalid");
        await using var lifetime = app;

        var outcome = await app.Services.GetRequiredService<SaveThemeAnswers>().ExecuteAsync(Respondent, own,
            (_, _) => new Changes([new AnswerWrite(Question, "\"misschien\"", null, 1)], []), CancellationToken.None);

        Assert.IsInstanceOfType<Failure.Invalid>(outcome.Failure);
        Assert.IsTrue(((Failure.Invalid)outcome.Failure).Errors.ContainsKey(Question));
        Assert.AreEqual(1, (await answers.GetAsync(own, Question))!.Version);
    }
}
