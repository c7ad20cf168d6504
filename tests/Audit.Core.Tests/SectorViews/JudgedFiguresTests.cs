using Audit.Core.Disclosure;
using Audit.Core.FollowUps;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.ValidatedScores;
using static Audit.Core.Tests.SectorViews.SectorViewFixture;

namespace Audit.Core.Tests.SectorViews;

/// <summary>
/// The sector figures over the bureau's validated scores (self-assessed where none) and over the follow-up statuses:
/// only included participations count, a too-small group is withheld in the published form, and the fingerprint
/// moves with them but stays what it was for a round without any.
/// </summary>
[TestClass]
public sealed class JudgedFiguresTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static List<Audit.Core.Statistics.IncludedParticipation> Five() =>
        OneQuestion("governance.maturity", "1", "2", "3", "4", "5");

    private static ValidatedScoreRecord Score(string participationId, string theme, decimal score) =>
        new(participationId, theme, score, "onderbouwing", 1, "u_analyst", At);

    private static FollowUpRecord FollowUp(string participationId, string recommendation, FollowUpStatus status) =>
        new(participationId, recommendation, status, null, 1, "u_respondent", At);

    private static SectorView Build(IEnumerable<Audit.Core.Statistics.IncludedParticipation> included, SectorSupplement supplement, DisclosureSettings? disclosure = null) =>
        SectorViewBuilder.Compute(Definition, disclosure ?? DisclosureSettings.Default, Scope(), included, supplement: supplement);

    [TestMethod]
    public void Validated_statistics_use_the_validated_score_and_otherwise_the_self_assessed_one()
    {
        var supplement = new SectorSupplement([Score("p01", "governance", 4.0m), Score("someone-else", "governance", 0m)], []);

        var view = Build(Five(), supplement);

        var governance = view.ValidatedThemes!.Single(t => t.Key == "governance");
        Assert.AreEqual(5, governance.N);
        Assert.AreEqual(3.6m, governance.Mean, "(4 + 2 + 3 + 4 + 5) / 5: p01's 1 replaced by the bureau's 4, the outsider ignored");
        Assert.AreEqual(3.0m, view.Theme("governance").Mean, "the self-assessed statistics are unchanged");
        var risk = view.ValidatedThemes!.Single(t => t.Key == "risk");
        Assert.IsTrue(risk.Suppressed, "nobody has a risk score");
        Assert.IsNull(PublishedForm.Of(view).ValidatedThemes!.Single(t => t.Key == "risk").Mean);
        Assert.AreEqual(3.6m, PublishedForm.Of(view).ValidatedThemes!.Single(t => t.Key == "governance").Mean);
    }

    [TestMethod]
    public void Without_validated_scores_or_follow_ups_the_view_and_its_fingerprint_are_as_before()
    {
        var plain = Build(Five(), SectorSupplement.None);
        var outsiders = Build(Five(), new SectorSupplement([Score("x", "governance", 1m)], [FollowUp("x", "governance", FollowUpStatus.Implemented)]));
        var judged = Build(Five(), new SectorSupplement([Score("p02", "governance", 2.5m)], []));
        var changed = Build(Five(), new SectorSupplement([Score("p02", "governance", 2.6m)], []));

        Assert.IsNull(plain.ValidatedThemes);
        Assert.IsNull(plain.FollowUps);
        Assert.IsFalse(ToJson(plain).TryGetProperty("validatedThemes", out _), "absent, so stored views and golden files keep their shape");
        Assert.AreEqual(Compute(Five()).Fingerprint, plain.Fingerprint);
        Assert.AreEqual(plain.Fingerprint, outsiders.Fingerprint);
        Assert.AreNotEqual(plain.Fingerprint, judged.Fingerprint);
        Assert.AreNotEqual(judged.Fingerprint, changed.Fingerprint, "a changed validated score is a new input");
    }

    [TestMethod]
    public void Follow_up_counts_per_theme_are_withheld_when_too_few_institutions_stated_one()
    {
        FollowUpStatus[] statuses = [FollowUpStatus.Implemented, FollowUpStatus.Implemented, FollowUpStatus.InProgress, FollowUpStatus.NotStarted, FollowUpStatus.NotApplicable];
        var followUps = statuses.Select((s, i) => FollowUp($"p{i + 1:00}", "governance", s))
            .Concat([FollowUp("p01", "risk", FollowUpStatus.Implemented), FollowUp("p02", "risk", FollowUpStatus.NotStarted)])
            .ToList();

        var view = Build(Five(), new SectorSupplement([], followUps));
        var published = PublishedForm.Of(view);

        Assert.AreSequenceEqual(new[] { "governance", "risk" }, view.FollowUps!.Select(f => f.ThemeKey).ToArray());
        Assert.AreEqual(new FollowUpCounts("governance", 5, 2, 1, 1, 1, false, null), published.FollowUps![0]);
        Assert.AreEqual(new FollowUpCounts("risk", 2, 1, 0, 1, 0, true, SuppressionReasons.TooFewAnswers), view.FollowUps![1]);
        Assert.AreEqual(new FollowUpCounts("risk", 2, null, null, null, null, true, SuppressionReasons.TooFewAnswers), published.FollowUps![1]);
        var roundTrip = SectorViewJson.Deserialize(SectorViewJson.Serialize(published));
        Assert.AreSequenceEqual(published.FollowUps!.ToArray(), roundTrip.FollowUps!.ToArray());
    }

    [TestMethod]
    public void A_view_withheld_as_a_whole_publishes_neither()
    {
        var view = Build(Five(), new SectorSupplement([Score("p01", "governance", 3m)], [FollowUp("p01", "governance", FollowUpStatus.Implemented)]),
            new DisclosureSettings(MinGroupSize: 6));

        Assert.IsNotNull(view.ValidatedThemes);
        Assert.IsTrue(view.Suppressed);
        Assert.IsNull(PublishedForm.Of(view).ValidatedThemes);
        Assert.IsNull(PublishedForm.Of(view).FollowUps);
    }
}
