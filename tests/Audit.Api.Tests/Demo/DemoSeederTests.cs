using System.Net.Http.Json;
using System.Text.Json;
using Audit.Api.Demo;
using Audit.Api.Tests.Infrastructure;
using Audit.Api.Tests.Pages;
using Audit.Core.Access;
using Audit.Core.Paging;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Audit.Api.Tests.Demo;

/// <summary>
/// Demo mode seeds once per class (it is the slow part) and runs twice, so every test also checks that the second
/// run changed nothing but the links.
/// </summary>
[TestClass]
public sealed partial class DemoSeederTests
{
    private static AuditApp _app = null!;
    private static IReadOnlyList<string> _links = [];
    private static IReadOnlyList<string> _again = [];
    private static Dictionary<string, (ParticipationStatus Status, int Answers)> _afterFirst = [];

    [ClassInitialize]
    public static async Task SeedAsync(TestContext _)
    {
        _app = new AuditApp();
        using var warmUp = await _app.ClientForAsync(Role.Ministry);
        var seeder = _app.Services.GetRequiredService<DemoSeeder>();
        _links = await seeder.RunAsync("http://localhost:5080", CancellationToken.None);
        _afterFirst = await StateAsync();
        _again = await seeder.RunAsync("http://localhost:5080", CancellationToken.None);
    }

    [ClassCleanup]
    public static async Task CleanUpAsync() => await _app.DisposeAsync();

    private static T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private static async Task<Dictionary<string, (ParticipationStatus, int)>> StateAsync()
    {
        var state = new Dictionary<string, (ParticipationStatus, int)>(StringComparer.Ordinal);
        foreach (var round in new[] { DemoPlan.Universities2023, DemoPlan.Hogescholen2023, DemoPlan.Institutes2023, DemoPlan.Universities2025 })
        {
            var list = await Service<IParticipationRepository>().ListByRoundAsync(round, new PageRequest(1, 500));
            var counts = await Service<Audit.Core.Answers.IAnswerRepository>().CountAnsweredAsync([.. list.Items.Select(p => p.Id)]);
            foreach (var p in list.Items)
            {
                state[p.Id] = (p.Status, counts[p.Id]);
            }
        }
        return state;
    }

    private static async Task<IReadOnlyList<ParticipationRecord>> ParticipationsAsync(string roundId) =>
        (await Service<IParticipationRepository>().ListByRoundAsync(roundId, new PageRequest(1, 500))).Items;

    [TestMethod]
    public async Task The_2023_rounds_have_2023_dates_and_were_published_in_2024()
    {
        foreach (var id in new[] { DemoPlan.Universities2023, DemoPlan.Hogescholen2023, DemoPlan.Institutes2023 })
        {
            var round = (await Service<IRoundRepository>().GetAsync(id))!.Round;
            Assert.AreEqual(RoundStatus.Published, round.Status, id);
            Assert.AreEqual(new DateTime(2023, 9, 1, 9, 0, 0), AmsterdamTime.ToLocal(round.OpensAt), id);
            Assert.AreEqual(new DateTime(2023, 11, 30, 17, 0, 0), AmsterdamTime.ToLocal(round.ClosesAt), id);
            Assert.AreEqual(new DateOnly(2023, 9, 1), round.ReferenceDate, id);
            var history = await Service<IRoundRepository>().StatusHistoryAsync(id);
            Assert.IsTrue(history.All(h => h.ChangedAt.Year is 2023 or 2024), $"{id}: status changed at {string.Join(", ", history.Select(h => h.ChangedAt))}");
            foreach (var p in await ParticipationsAsync(id))
            {
                foreach (var moment in new[] { p.SubmittedAt, p.AcceptedAt, p.ReturnedAt }.OfType<DateTimeOffset>())
                {
                    Assert.IsTrue(moment >= round.OpensAt && moment <= round.ClosesAt, $"{p.InstitutionId} in {id}: {moment:O} lies outside the round");
                    var local = AmsterdamTime.ToLocal(moment);
                    Assert.IsTrue(local.Hour is >= 9 and < 17 && local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
                        $"{p.InstitutionId} in {id}: {local:dddd HH:mm} is not during office hours");
                }
            }
        }
    }

    [TestMethod]
    public async Task The_ministry_reads_a_2023_period_in_the_2023_report()
    {
        using var ministry = await _app.ClientForAsync(Role.Ministry);
        var report = await ministry.GetStringAsync($"/api/v1/rounds/{DemoPlan.Universities2023}/parliament-report");
        Assert.Contains("1 september 2023 tot en met 30 november 2023", report);
    }

    [TestMethod]
    public async Task The_2025_round_opened_on_1_september_2025_and_is_still_open()
    {
        var round = (await Service<IRoundRepository>().GetAsync(DemoPlan.Universities2025))!.Round;
        Assert.AreEqual(RoundStatus.Open, round.Status);
        Assert.AreEqual(new DateTime(2025, 9, 1, 9, 0, 0), AmsterdamTime.ToLocal(round.OpensAt));
        Assert.AreEqual(new DateOnly(2025, 9, 1), round.ReferenceDate);
        Assert.IsGreaterThan(DateTimeOffset.UtcNow, round.ClosesAt, "it must still be open");
        Assert.AreEqual(DemoPlan.Universities2023, round.BaselineRoundId);
        foreach (var p in await ParticipationsAsync(DemoPlan.Universities2025))
        {
            foreach (var moment in new[] { p.SubmittedAt, p.AcceptedAt, p.ReturnedAt }.OfType<DateTimeOffset>())
            {
                Assert.IsTrue(moment >= round.OpensAt && moment <= DateTimeOffset.UtcNow, $"{p.InstitutionId}: {moment:O} is not between the opening and now");
            }
        }
    }

    [TestMethod]
    public async Task The_2025_round_has_institutions_in_every_state_and_a_return_has_remarks_on_questions()
    {
        var list = await ParticipationsAsync(DemoPlan.Universities2025);
        var byStatus = list.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count());
        foreach (var status in new[] { ParticipationStatus.Invited, ParticipationStatus.InProgress, ParticipationStatus.Submitted,
                     ParticipationStatus.Returned, ParticipationStatus.Accepted })
        {
            Assert.IsGreaterThanOrEqualTo(1, byStatus.GetValueOrDefault(status), $"no {status} in 2025: {string.Join(", ", byStatus)}");
        }
        var returned = list.First(p => p.Status == ParticipationStatus.Returned);
        var reviews = await Service<IReviewRepository>().ListAsync(returned.Id);
        Assert.AreEqual(ReviewOutcome.Return, reviews[^1].Decision);
        Assert.IsGreaterThanOrEqualTo(2, reviews[^1].Remarks.Count, "a real return names the questions");
        Assert.IsFalse(string.IsNullOrWhiteSpace(reviews[^1].Summary));
        Assert.AreEqual(ParticipationStatus.Invited, list.Single(p => p.InstitutionId == DemoPlan.RespondentInstitution).Status,
            "the demo respondent starts the 2025 round (and can take over the 2023 answers)");
    }

    [TestMethod]
    public async Task A_sector_with_too_few_accepted_institutions_is_withheld_and_the_pages_say_so()
    {
        using var ministry = await _app.ClientForAsync(Role.Ministry);
        var nwo = await ministry.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{DemoPlan.Institutes2023}/sector-views/nwo_instituut");
        Assert.IsTrue(nwo.GetProperty("suppressed").GetBoolean(), "3 accepted NWO institutes are fewer than the minimum group of 5");
        var knaw = await ministry.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{DemoPlan.Institutes2023}/sector-views/knaw_instituut");
        Assert.IsFalse(knaw.GetProperty("suppressed").GetBoolean());
        var universities = await ministry.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{DemoPlan.Universities2023}/sector-views/universiteit");
        Assert.IsFalse(universities.GetProperty("suppressed").GetBoolean(), "enough universities are accepted to publish");

        var ministryPage = Browser.For(_app);
        ministryPage.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_app, "Olga OCW", Role.Ministry));
        Assert.Contains("niet gepubliceerd, te weinig instellingen", await ministryPage.GetStringAsync("/ministerie/rondes"));
        var bureau = Browser.For(_app);
        bureau.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_app, "Ada Analist", Role.Analyst));
        Assert.Contains("Niet gepubliceerd: te weinig instellingen", await bureau.GetStringAsync($"/bureau/rondes/{DemoPlan.Institutes2023}/publiceren"));
    }

    [TestMethod]
    public async Task A_second_run_changes_nothing_but_gives_fresh_links()
    {
        Assert.HasCount(3, _links);
        Assert.IsTrue(_links.All(l => l.Contains("http://localhost:5080/uitnodiging/aud_", StringComparison.Ordinal)), string.Join("\n", _links));
        Assert.HasCount(3, _again);
        Assert.IsEmpty(_links.Intersect(_again), "each run issues new links");
        var now = await StateAsync();
        Assert.AreSequenceEqual(_afterFirst.OrderBy(p => p.Key).ToList(), now.OrderBy(p => p.Key).ToList(), "the second run left every participation as it was");
        Assert.IsGreaterThan(60, now.Count, "four rounds with every institution of their types");
    }

    [TestMethod]
    public void The_plan_is_the_same_on_every_run()
    {
        var ids = Enumerable.Range(1, 14).Select(i => $"i{i:00}").Append(DemoPlan.RespondentInstitution).ToList();
        var mix = DemoPlan.Rounds(DateTimeOffset.UtcNow).Single(r => r.Id == DemoPlan.Universities2025).Mixes.Values.Single();
        var first = mix.Assign(ids, 42);
        Assert.AreSequenceEqual(first.OrderBy(p => p.Key).ToList(), mix.Assign(ids, 42).OrderBy(p => p.Key).ToList());
        Assert.AreEqual(DemoState.NotStarted, first[DemoPlan.RespondentInstitution]);
        Assert.AreEqual(2, first.Values.Count(s => s == DemoState.Submitted));
        Assert.AreEqual(15 - 2 - 3 - 2 - 2, first.Values.Count(s => s == DemoState.Accepted));
    }
    [TestMethod]
    public async Task The_2023_waves_form_cycle_2023_with_an_approved_summary_and_the_2025_round_cycle_2025()
    {
        foreach (var id in new[] { DemoPlan.Universities2023, DemoPlan.Hogescholen2023, DemoPlan.Institutes2023 })
        {
            Assert.AreEqual("2023", (await Service<IRoundRepository>().GetAsync(id))!.Round.Cycle, id);
        }
        Assert.AreEqual("2025", (await Service<IRoundRepository>().GetAsync(DemoPlan.Universities2025))!.Round.Cycle);
        var summary = (await Service<Audit.Core.CycleFindings.ICycleFindingsRepository>().GetAsync("2023"))!;
        Assert.IsTrue(summary.IsApproved, "approved, so that the national report opens with it");
        Assert.AreEqual(1, summary.Version, "a second run writes no new version");
        Assert.AreNotEqual(summary.UpdatedBy, summary.ApprovedBy, "four eyes");
        Assert.Contains("nulmeting", summary.Summary);

        var bureau = Browser.For(_app);
        bureau.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_app, "Ada Analist", Role.Analyst));
        var page = await bureau.GetStringAsync("/bureau/cycli/2023");
        Assert.Contains("data-status=\"findings-approved\"", page);
        Assert.Contains("/api/v1/cycles/2023/parliament-report?lang=nl&amp;format=pdf", page);
        var ministryPage = Browser.For(_app);
        ministryPage.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_app, "Olga OCW", Role.Ministry));
        var rounds = await ministryPage.GetStringAsync("/ministerie/rondes");
        Assert.Contains("/api/v1/cycles/2023/parliament-report", rounds);
        Assert.DoesNotContain("/api/v1/cycles/2025/parliament-report", rounds, "the 2025 round is open: no national report yet");
    }

    [TestMethod]
    public async Task The_2023_universities_round_has_a_deep_dive_with_records_per_selected_university()
    {
        var deepDives = Service<Audit.Core.DeepDives.IDeepDiveRepository>();
        var selection = (await deepDives.GetSelectionAsync(DemoPlan.Universities2023, "universiteit"))!;
        Assert.HasCount(3, selection.InstitutionIds);
        var accepted = (await ParticipationsAsync(DemoPlan.Universities2023)).Where(p => p.Status == ParticipationStatus.Accepted).Select(p => p.InstitutionId).ToHashSet();
        Assert.IsTrue(selection.InstitutionIds.All(accepted.Contains), "only institutions with an accepted self-assessment");
        var records = await deepDives.ListRecordsAsync(DemoPlan.Universities2023, "universiteit", null);
        Assert.AreEqual(string.Join(", ", selection.InstitutionIds.Order(StringComparer.Ordinal)), string.Join(", ", records.Select(r => r.InstitutionId).Distinct().Order(StringComparer.Ordinal)),
            "every selected university has records");
        Assert.IsTrue(records.All(r => r.Notes.Count > 0 && r.Notes.All(n => n.Themes.Count > 0) && r.Roles.Count > 0));
        Assert.IsNotNull(records.FirstOrDefault(r => r.NotablePractices is not null), "some notable practices");

        var bureau = Browser.For(_app);
        bureau.DefaultRequestHeaders.Authorization = new("Bearer", await Browser.UserWithTokenAsync(_app, "Ada Analist", Role.Analyst));
        var page = await bureau.GetStringAsync($"/bureau/rondes/{DemoPlan.Universities2023}/verdieping/universiteit/{selection.InstitutionIds[0]}");
        Assert.Contains(records.First(r => r.InstitutionId == selection.InstitutionIds[0]).Notes[0].Text, page);
    }
}
