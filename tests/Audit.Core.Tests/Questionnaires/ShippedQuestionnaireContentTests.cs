using Audit.Core.Questionnaires;

namespace Audit.Core.Tests.Questionnaires;

/// <summary>
/// What the shipped questionnaires must cover (issue 20): the topics of the December 2022 letter to parliament, as
/// question keys per version. The table here is the one in the issue's closing note, so the note cannot drift from the files.
/// </summary>
[TestClass]
public sealed class ShippedQuestionnaireContentTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "templates", "questionnaires");

    private static Questionnaire Load(string version) =>
        QuestionnaireLoader.LoadYaml(File.ReadAllText(Path.Combine(Folder, $"kennisveiligheid-{version}.yaml"))).Value
        ?? throw new AssertFailedException($"kennisveiligheid-{version}.yaml does not load.");

    private const string Both = "2023,2025";

    /// <summary>Topic → the question keys that cover it → the versions that must hold all of them.</summary>
    public static IEnumerable<object[]> Topics() =>
    [
        ["State-actor influence and interference, diaspora pressure, self-censorship",
            "beinvloeding.beleid,beinvloeding.vormen,beinvloeding.meldpunt,beinvloeding.zelfcensuur,beinvloeding.signalen,beinvloeding.volwassenheid", Both],
        ["Alfa/gamma fields among the sensitive areas", "gevoelige_kennis.gebieden", Both],
        ["Capacity and resources, including the extra funding", "governance.capaciteit_fte,governance.extra_middelen", Both],
        ["Foreign funding and donations overview", "risicoanalyse.overzicht_financiering,risicoanalyse.buitenlandse_financiering,risicoanalyse.donaties_toets", Both],
        ["Cooperation with AIVD/MIVD/NCTV", "bewustzijn.contact_diensten,bewustzijn.contact_overheid", Both],
        ["Sanctions: Russia and Belarus next to Iran and North Korea",
            "exportcontrole.sancties_rusland_belarus,exportcontrole.sancties_toetsingen,personeel.sanctiecontrole", Both],
        ["Awareness reach among researchers in sensitive fields", "bewustzijn.bereik_gemeten,bewustzijn.bereik_onderzoekers", Both],
        ["Weighing risks against international cooperation, academic freedom and open science", "risicoanalyse.afweging_waarden", Both],
        ["What the institution did with its 2023 feedback",
            "opvolging.besproken,opvolging.aanbevelingen,opvolging.toelichting,opvolging.volwassenheid", "2025"],
    ];

    [TestMethod]
    [DynamicData(nameof(Topics))]
    public void A_topic_of_the_letter_is_covered_by_its_questions(string topic, string keys, string versions)
    {
        foreach (var version in versions.Split(','))
        {
            var questionnaire = Load(version);
            var missing = keys.Split(',').Where(k => questionnaire.FindQuestion(k) is null).ToList();
            Assert.IsEmpty(missing, $"{version} lacks for \"{topic}\": {string.Join(", ", missing)}");
        }
    }

    [TestMethod]
    [DataRow("2023")]
    [DataRow("2025")]
    public void The_details_of_the_topics_are_there(string version)
    {
        var questionnaire = Load(version);

        var areas = questionnaire.FindQuestion("gevoelige_kennis.gebieden")!.Options.Select(o => o.Key).ToList();
        CollectionAssert.IsSubsetOf(new[] { "alfa", "gamma" }, areas, "the letter names risks in the humanities and social sciences");
        var regimes = questionnaire.FindQuestion("exportcontrole.sancties_toetsingen")!.Rows.Select(r => r.Key).ToList();
        Assert.AreSequenceEqual(new[] { "ir", "kp", "ru", "by" }, regimes);
        Assert.AreEqual(QuestionType.Grid, questionnaire.FindQuestion("exportcontrole.sancties_toetsingen")!.Type);
        var reach = questionnaire.FindQuestion("bewustzijn.bereik_onderzoekers")!;
        Assert.AreEqual((QuestionType.Number, 0m, 100m), (reach.Type, reach.Min, reach.Max), "reach is a share in per cent");
        CollectionAssert.IsSubsetOf(new[] { "aivd", "mivd", "nctv" }, questionnaire.FindQuestion("bewustzijn.contact_overheid")!.Options.Select(o => o.Key).ToList());
    }

    [TestMethod]
    [DataRow("2023")]
    [DataRow("2025")]
    public void A_version_asks_between_55_and_80_questions(string version)
    {
        var count = Load(version).AllQuestions.Count();

        Assert.IsTrue(count is >= 55 and <= 80, $"{version} has {count} questions");
    }

    [TestMethod]
    public void Every_2023_key_that_2025_keeps_has_the_same_type()
    {
        var older = Load("2023");
        var newer = Load("2025");

        var changed = older.AllQuestions
            .Where(q => newer.FindQuestion(q.Key) is { } kept && kept.Type != q.Type)
            .Select(q => $"{q.Key}: {q.Type.ToWireName()} → {newer.FindQuestion(q.Key)!.Type.ToWireName()}").ToList();

        Assert.IsEmpty(changed, string.Join(Environment.NewLine, changed));
        Assert.IsGreaterThan(60, older.AllQuestions.Count(q => newer.FindQuestion(q.Key) is not null), "the versions share most of their questions");
    }

    [TestMethod]
    [DataRow("2023")]
    [DataRow("2025")]
    public void Every_maturity_question_describes_each_level_in_both_languages(string version)
    {
        foreach (var question in Load(version).AllQuestions.Where(q => q.Type == QuestionType.Maturity))
        {
            foreach (var language in new[] { "nl", "en" })
            {
                var help = question.LocalizedHelp?.In(language) ?? "";
                var undescribed = Enumerable.Range(0, 6).Where(level => !help.Contains($"{level} = ", StringComparison.Ordinal)).ToList();
                Assert.IsEmpty(undescribed, $"{version} {question.Key} ({language}) does not describe level(s) {string.Join(", ", undescribed)}");
            }
        }
    }

    [TestMethod]
    [DataRow("2023")]
    [DataRow("2025")]
    public void Every_theme_states_its_minutes_and_has_a_maturity_question(string version)
    {
        foreach (var theme in Load(version).Themes)
        {
            Assert.IsNotNull(theme.Minutes, $"{version} {theme.Key} states no minutes");
            Assert.Contains(q => q.Type == QuestionType.Maturity, theme.Questions, $"{version} {theme.Key} has no maturity question, so no theme score");
        }
    }

    [TestMethod]
    [DataRow("2023")]
    [DataRow("2025")]
    public void References_cite_sections_of_the_letter_in_the_sources_not_invented_paragraph_numbers(string version)
    {
        // The Leidraad's own text is not among /work/shared/sources; the letter's section titles are what can be checked.
        var references = Load(version).AllQuestions.Where(q => q.Reference is not null).Select(q => q.Reference!).ToList();

        Assert.IsGreaterThan(15, references.Count);
        Assert.IsEmpty(references.Where(r => r.Contains('§', StringComparison.Ordinal)
            || !r.StartsWith("Kamerbrief kennisveiligheid dec. 2022, ", StringComparison.Ordinal)).ToList());
    }

    [TestMethod]
    [DataRow("2023")]
    [DataRow("2025")]
    public void The_reference_date_placeholder_is_used_and_filled_in_everywhere(string version)
    {
        var questionnaire = Load(version);

        Assert.Contains(q => q.Text.Contains(ReferenceDateText.Placeholder, StringComparison.Ordinal), questionnaire.AllQuestions);
        var rendered = questionnaire.WithReferenceDate(new DateOnly(2023, 10, 1));
        var english = rendered.In("en");
        Assert.DoesNotContain(q => q.Text.Contains('{', StringComparison.Ordinal) || (q.Help?.Contains('{', StringComparison.Ordinal) ?? false), rendered.AllQuestions);
        Assert.Contains(q => q.Text.Contains("1 October 2023", StringComparison.Ordinal), english.AllQuestions);
    }
}
