using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Audit.Api.Tests.Infrastructure;
using Audit.Application.Questionnaires;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.Synthetic;
using Audit.Reports.Exports.Analysis;
using Audit.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Audit.Api.Tests.Reports.ReportWorld;

namespace Audit.Api.Tests.Reports;

/// <summary>
/// The analysis exports through the API: R loads load.R on a generated round (rows, a factor's levels and labels, NA
/// for not applicable, a mean equal to the sector view's internal mean); 404 for everyone but the bureau; the audit
/// trail; and a trend across two rounds, with every problem of a bad round list named in one 400.
/// </summary>
[TestClass]
public sealed class AnalysisExportTests
{
    private static readonly Actor Respondent = new("test-respondent", "respondent");
    private static readonly Actor Analyst = new("test-analyst", "analyst");

    [TestMethod]
    public async Task R_loads_the_round_with_labels_missing_values_and_the_sector_mean()
    {
        var rscript = RScript.Require();
        await using var world = await CreateAsync("exp-analysis-r");
        var questionnaire = await Collection.CollectionFixture.QuestionnaireAsync(world.App, "2023");
        var maturity = questionnaire.AllQuestions.First(q => q.Type == QuestionType.Maturity && q.VisibleWhen is null);
        var choice = questionnaire.AllQuestions.First(q => q.Type == QuestionType.SingleChoice && q.VisibleWhen is null);
        var rest = world.Participations.Where(p => p.Key is not (Own or Other)).OrderBy(p => p.Key, StringComparer.Ordinal).Skip(4).ToList();
        var notApplicable = rest[0].Key;
        await AnswerAsync(world, rest[0].Value, 7, accept: true, (maturity.Key, "\"not_applicable\""));
        await AnswerAsync(world, rest[1].Value, 8, accept: false);
        await world.ComputeAsync();
        var stored = await world.App.Services.GetRequiredService<ISectorViewRepository>().GetCurrentAsync(world.RoundId, "universiteit");
        var internalMean = SectorViewJson.Deserialize(stored!.InternalJson).Questions.Single(q => q.Key == maturity.Key).Mean!.Value;

        var response = await world.Analyst.GetAsync($"/api/v1/rounds/{world.RoundId}/exports/analysis.zip");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.AreEqual(AnalysisZip.ContentType, response.Content.Headers.ContentType?.MediaType);
        var folder = Extract(await response.Content.ReadAsByteArrayAsync());
        try
        {
            var m = VariableNames.ForQuestion(maturity.Key);
            var c = VariableNames.ForQuestion(choice.Key);
            var output = await RScript.RunAsync(rscript, folder, $$"""
                source("load.R", encoding = "UTF-8")
                cat("rows=", nrow(answers), "\n", sep = "")
                cat("levels=", paste(levels(answers${{c}}), collapse = "|"), "\n", sep = "")
                cat("factor=", is.factor(answers${{c}}), "\n", sep = "")
                cat("na=", is.na(answers${{m}}[answers$institution_id == "{{notApplicable}}"]), "\n", sep = "")
                cat("reason=", missing_reasons${{m}}[answers$institution_id == "{{notApplicable}}"], "\n", sep = "")
                cat("mean=", format(mean(answers${{m}}, na.rm = TRUE), digits = 15), "\n", sep = "")
                cat("numeric=", is.numeric(answers${{m}}), "\n", sep = "")
                """);
            var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

            Assert.AreEqual("7", values["rows"], output);
            Assert.AreEqual(string.Join("|", choice.Options.Select(o => o.LocalizedLabel.For("nl").Text)), values["levels"]);
            Assert.AreEqual("TRUE", values["factor"]);
            Assert.AreEqual("TRUE", values["na"], "not applicable is NA in R");
            Assert.AreEqual("not_applicable", values["reason"]);
            Assert.AreEqual("TRUE", values["numeric"]);
            var mean = decimal.Parse(values["mean"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.IsLessThanOrEqualTo(0.005m, Math.Abs(mean - internalMean), $"R's mean {mean} is the internal view's {internalMean} (rounded to 2 decimals)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var withSubmitted = await world.Analyst.GetAsync($"/api/v1/rounds/{world.RoundId}/exports/analysis.zip?include=submitted");
        var wide = WideRows(await withSubmitted.Content.ReadAsByteArrayAsync());
        Assert.HasCount(1 + 8, wide, "the header, and the submitted participation is added");
        Assert.ContainsSingle(wide.Where(r => r.Contains(",submitted,", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Only_the_bureau_gets_the_export_every_download_is_recorded_and_bad_input_is_a_400()
    {
        await using var world = await CreateSmallAsync("exp-analysis-access");
        var url = $"/api/v1/rounds/{world.RoundId}/exports/analysis.zip";

        await ProblemAssert.IsProblemAsync(await world.Ministry.GetAsync(url), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await world.OwnRespondent.GetAsync(url), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await world.Ministry.GetAsync($"/api/v1/exports/trend.zip?rounds={world.RoundId},x"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await world.OwnRespondent.GetAsync($"/api/v1/exports/trend.zip?rounds={world.RoundId},x"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await world.Analyst.GetAsync("/api/v1/rounds/no-such-round/exports/analysis.zip"), HttpStatusCode.NotFound);
        var include = await ProblemAssert.IsProblemAsync(await world.Analyst.GetAsync(url + "?include=everything"), HttpStatusCode.BadRequest);
        Assert.IsTrue(include.GetProperty("errors").TryGetProperty("include", out _));
        Assert.AreEqual(HttpStatusCode.OK, (await world.Analyst.GetAsync(url)).StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, (await world.Admin.GetAsync(url + "?include=submitted")).StatusCode);

        var events = await world.EventsAsync(world.RoundId, "export.analysis.read");
        Assert.AreSequenceEqual(new[] { "admin", "analyst" }, events.Select(e => e.ActorRole).ToArray());
        Assert.AreEqual("zip 2 participation(s), accepted and submitted", events[0].Summary);
    }

    [TestMethod]
    public async Task A_trend_stacks_the_rounds_with_a_round_column_and_names_every_problem_of_a_bad_list()
    {
        await using var world = await CreateSmallAsync("exp-trend-a");
        var later = await new CollectionDriver(world.App, world.Admin).OpenRoundAsync("exp-trend-b", "universiteit");
        await new CollectionDriver(world.App, world.Admin).AcceptAsync(later[Own], 3);

        var response = await world.Analyst.GetAsync($"/api/v1/exports/trend.zip?rounds={world.RoundId},exp-trend-b");

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var wide = WideRows(bytes);
        Assert.StartsWith("round,participation_id,institution_id,", wide[0]);
        Assert.HasCount(1 + 3, wide);
        Assert.AreSequenceEqual(new[] { "exp-trend-a", "exp-trend-b" }, wide.Skip(1).Where(r => r.Split(',')[2] == Own).Select(r => r.Split(',')[0]).ToArray(),
            "the institution is matched across rounds by institution_id");
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            using var readme = new StreamReader(zip.GetEntry(AnalysisZip.ReadmeFile)!.Open());
            Assert.Contains("Left out (not shared): none", await readme.ReadToEndAsync());
        }
        var events = await world.EventsAsync($"{world.RoundId},exp-trend-b", "export.trend.read");
        Assert.HasCount(1, events);

        var one = await ProblemAssert.IsProblemAsync(await world.Analyst.GetAsync($"/api/v1/exports/trend.zip?rounds={world.RoundId}"), HttpStatusCode.BadRequest);
        Assert.HasCount(1, one.GetProperty("errors").GetProperty("rounds").EnumerateArray());
        var bad = await ProblemAssert.IsProblemAsync(
            await world.Analyst.GetAsync($"/api/v1/exports/trend.zip?rounds={world.RoundId},nope&include=all"), HttpStatusCode.BadRequest);
        Assert.Contains("'nope'", bad.GetProperty("errors").GetProperty("rounds")[0].GetString()!);
        Assert.IsTrue(bad.GetProperty("errors").TryGetProperty("include", out _), "every invalid field is listed");
        await ProblemAssert.IsProblemAsync(await world.Analyst.GetAsync("/api/v1/exports/trend.zip"), HttpStatusCode.BadRequest);
    }

    /// <summary>Answers with synthetic values (some replaced), submits, and accepts when asked, as CollectionDriver does.</summary>
    private static async Task AnswerAsync(ReportWorld world, string participationId, int seed, bool accept, params (string Key, string Json)[] replace)
    {
        var services = world.App.Services;
        var questionnaire = (await services.GetRequiredService<QuestionnaireCatalog>().GetAsync("kennisveiligheid", "2023"))!;
        var now = DateTimeOffset.UtcNow;
        var overrides = replace.ToDictionary(r => r.Key, r => r.Json, StringComparer.Ordinal);
        var writes = new SyntheticAnswers(seed).For(questionnaire)
            .Select(a => new AnswerWrite(a.QuestionKey, overrides.GetValueOrDefault(a.QuestionKey) ?? a.ValueJson)).ToList();
        var saved = await services.GetRequiredService<IAnswerRepository>().SaveBatchAsync(participationId, writes, Respondent, now);
        Assert.IsTrue(saved.Saved, saved.Reason);
        var versions = saved.Items.ToDictionary(i => i.QuestionKey, i => i.Answer!.Version);
        var snapshot = new SubmissionSnapshot(JsonSerializer.Serialize(writes), Guid.NewGuid().ToString("N"), versions);
        var submitted = await services.GetRequiredService<ISubmissionRepository>().SubmitAsync(participationId, ParticipationStatus.InProgress, snapshot, Respondent, now);
        Assert.AreEqual(SubmitOutcome.Submitted, submitted.Outcome, submitted.Reason);
        if (accept)
        {
            var reviewed = await services.GetRequiredService<IReviewRepository>().ReviewAsync(participationId, ReviewOutcome.Accept, [], "akkoord", Analyst, now);
            Assert.AreEqual(ReviewSaveOutcome.Reviewed, reviewed.Outcome, reviewed.Reason);
        }
    }

    private static string Extract(byte[] zip)
    {
        var folder = Path.Combine(Path.GetTempPath(), "audit-analysis-" + Guid.NewGuid().ToString("N"));
        ZipFile.ExtractToDirectory(new MemoryStream(zip), folder);
        return folder;
    }

    private static List<string> WideRows(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry(AnalysisFiles.WideFile)!.Open());
        return [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
