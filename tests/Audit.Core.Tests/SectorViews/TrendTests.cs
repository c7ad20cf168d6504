using Audit.Core.Disclosure;
using Audit.Core.Questionnaires;
using Audit.Core.SectorViews;
using static Audit.Core.Tests.SectorViews.SectorViewFixture;

namespace Audit.Core.Tests.SectorViews;

[TestClass]
public sealed class TrendTests
{
    // The 2023 questionnaire: risk.partners was a maturity question then, and risk.screening did not exist.
    private static readonly Questionnaire Baseline2023 = Definition with
    {
        Version = "2023",
        Themes =
        [
            Definition.Themes[0],
            Definition.Themes[1] with
            {
                Questions = Definition.Themes[1].Questions
                    .Where(q => q.Key != "risk.screening")
                    .Select(q => q.Key == "risk.partners" ? q with { Type = QuestionType.Maturity, Norm = null } : q)
                    .ToList(),
            },
        ],
    };

    private static SectorView BaselineView() => Compute(
        [
            Participation("b1", """{"governance.maturity": 1, "governance.policy": "yes", "risk.maturity": 1, "risk.partners": 3}"""),
            Participation("b2", """{"governance.maturity": 2, "governance.policy": "no", "risk.maturity": 1, "risk.partners": 3}"""),
            Participation("b3", """{"governance.maturity": 2, "governance.policy": "yes", "risk.maturity": 2, "risk.partners": 3}"""),
            Participation("b4", """{"governance.maturity": 3, "risk.maturity": 2, "risk.partners": 3}"""),
            Participation("b5", """{"governance.maturity": 3, "risk.maturity": 4, "risk.partners": 3}"""),
        ],
        questionnaire: Baseline2023,
        scope: Scope(roundId: "2023-universiteiten"));

    private static SectorView CurrentView(SectorView baseline) => Compute(
        [
            Participation("c1", """{"governance.maturity": 2, "governance.policy": "no", "risk.maturity": 3, "risk.partners": 10}"""),
            Participation("c2", """{"governance.maturity": 3, "governance.policy": "no", "risk.maturity": 4, "risk.partners": 10}"""),
            Participation("c3", """{"governance.maturity": 3, "governance.policy": "no", "risk.partners": 10}"""),
            Participation("c4", """{"governance.maturity": 4, "governance.policy": "no", "risk.partners": 10}"""),
            Participation("c5", """{"governance.maturity": 4, "governance.policy": "no", "risk.partners": 10}"""),
            Participation("c6", """{"governance.maturity": 5, "governance.policy": "no", "risk.partners": 10}"""),
        ],
        baseline: baseline);

    private static string Show(TrendValues values) =>
        FormattableString.Invariant($"{values.Mean?.ToString() ?? "-"} {values.Median?.ToString() ?? "-"} {values.MeetsNormPercent?.ToString() ?? "-"}");

    [TestMethod]
    public void Comparable_questions_have_the_same_key_and_type_and_a_statistic_to_compare()
    {
        var baseline = BaselineView();
        var trend = CurrentView(baseline).Trend!;

        Assert.AreEqual("2023-universiteiten", trend.BaselineRoundId);
        Assert.AreEqual(baseline.Fingerprint, trend.BaselineFingerprint);
        // Not risk.partners (maturity then, number now), not risk.screening (new), not multi_choice/grid/text.
        Assert.AreSequenceEqual(
            new[] { "governance.maturity", "governance.policy", "governance.policy_maturity", "risk.maturity" },
            trend.Questions.Select(q => q.Key).ToArray());
        Assert.AreSequenceEqual(new[] { "governance", "risk" }, trend.Themes.Select(t => t.Key).ToArray());
    }

    [TestMethod]
    public void Deltas_are_current_minus_baseline_of_the_rounded_figures()
    {
        var trend = CurrentView(BaselineView()).Trend!;

        // governance.maturity: baseline 1 2 2 3 3 (mean 2.2, median 2, ≥3: 40.0%),
        // current 2 3 3 4 4 5 (mean 3.5, median 3.5, ≥3: 83.3%).
        var maturity = trend.Questions[0];
        Assert.AreEqual("2.2 2 40.0", Show(maturity.Baseline));
        Assert.AreEqual("1.3 1.5 43.3", Show(maturity.Delta));
        Assert.IsFalse(maturity.Suppressed);
        Assert.IsNull(maturity.SuppressedIn);

        // Theme governance (norm 4): scores are the maturity answers; 0.0% → 50.0%.
        var governance = trend.Themes[0];
        Assert.AreEqual("2.2 2 0.0", Show(governance.Baseline));
        Assert.AreEqual("1.3 1.5 50.0", Show(governance.Delta));
    }

    [TestMethod]
    public void Each_side_is_suppressed_on_its_own_and_a_delta_needs_both()
    {
        var current = CurrentView(BaselineView());
        var trend = current.Trend!;

        // governance.policy: the baseline had 3 answers (< 5); the current side is fine.
        var policy = trend.Questions[1];
        Assert.AreEqual(TrendSides.Baseline, policy.SuppressedIn);
        Assert.AreEqual("too_few_answers", policy.Reason);
        Assert.AreEqual("- - 66.7", Show(policy.Baseline)); // internal: the bureau sees the hidden value
        Assert.AreEqual("- - -66.7", Show(policy.Delta));

        // governance.policy_maturity: nobody answered in either round.
        Assert.AreEqual(TrendSides.Both, trend.Questions[2].SuppressedIn);

        // risk.maturity: two answers now (< 5), five in the baseline.
        var risk = trend.Questions[3];
        Assert.AreEqual(TrendSides.Current, risk.SuppressedIn);
        Assert.AreEqual("2 2 -", Show(risk.Baseline));
        Assert.AreEqual(TrendSides.Current, trend.Themes[1].SuppressedIn);

        var published = PublishedForm.Of(current).Trend!;
        Assert.AreEqual("- - -", Show(published.Questions[1].Baseline)); // the baseline never published it
        Assert.AreEqual("- - -", Show(published.Questions[1].Delta));
        Assert.AreEqual("2 2 -", Show(published.Questions[3].Baseline)); // the baseline did publish this
        Assert.AreEqual("- - -", Show(published.Questions[3].Delta));
        Assert.IsTrue(published.Questions[3].Suppressed);
        Assert.AreEqual("1.3 1.5 43.3", Show(published.Questions[0].Delta));
    }

    [TestMethod]
    public void A_baseline_withheld_as_a_whole_suppresses_every_comparison()
    {
        var smallBaseline = Compute(OneQuestion("governance.maturity", "1", "2", "3"), scope: Scope(roundId: "2023-universiteiten"));
        var trend = PublishedForm.Of(CurrentView(smallBaseline)).Trend!;

        Assert.IsTrue(trend.Questions.All(q => q.Suppressed && q.SuppressedIn is TrendSides.Baseline or TrendSides.Both));
        Assert.AreEqual("group_too_small", trend.Questions[0].Reason);
        Assert.IsTrue(trend.Questions.All(q => Show(q.Delta) == "- - -" && Show(q.Baseline) == "- - -"));

        // A published baseline (no themes, no questions) simply has nothing comparable.
        var fromPublished = CurrentView(PublishedForm.Of(smallBaseline)).Trend!;
        Assert.IsEmpty(fromPublished.Questions);
        Assert.IsEmpty(fromPublished.Themes);
    }

    [TestMethod]
    public void Without_a_baseline_there_is_no_trend()
    {
        Assert.IsNull(Compute(OneQuestion("governance.maturity", "1")).Trend);
    }
}
