using Audit.Core.Institutions;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;

namespace Audit.Core.Tests.Rounds;

[TestClass]
public sealed class PublicationReadinessTests
{
    private static readonly (InstitutionType, ParticipationStatus)[] Participations =
    [
        (InstitutionType.Universiteit, ParticipationStatus.Accepted),
        (InstitutionType.Universiteit, ParticipationStatus.Submitted),
        (InstitutionType.Hogeschool, ParticipationStatus.Accepted),
        (InstitutionType.Umc, ParticipationStatus.Invited),
    ];

    [TestMethod]
    public void A_computed_view_without_a_mark_is_current_and_a_type_with_nothing_accepted_needs_no_view()
    {
        var readiness = PublicationReadiness.Of(Participations, [], [InstitutionType.Universiteit, InstitutionType.Hogeschool]);

        Assert.IsTrue(readiness.SectorViewsCurrent);
        Assert.IsEmpty(readiness.Reasons);
        Assert.AreEqual(1, readiness.SubmittedNotReviewed);
        var umc = readiness.Sectors.Single(s => s.Type == InstitutionType.Umc);
        Assert.AreEqual(SectorFreshness.NoView, umc.Freshness);
        var universities = readiness.Sectors.Single(s => s.Type == InstitutionType.Universiteit);
        Assert.AreEqual((2, 1, 1, SectorFreshness.Current),
            (universities.Participations, universities.Accepted, universities.SubmittedNotReviewed, universities.Freshness));
    }

    [TestMethod]
    public void A_pending_mark_or_accepted_answers_without_a_view_hold_publication_back_with_one_reason_each()
    {
        var readiness = PublicationReadiness.Of(Participations, [InstitutionType.Universiteit], [InstitutionType.Universiteit]);

        Assert.IsFalse(readiness.SectorViewsCurrent);
        Assert.AreEqual(SectorFreshness.RecomputePending, readiness.Sectors.Single(s => s.Type == InstitutionType.Universiteit).Freshness);
        Assert.AreEqual(SectorFreshness.NotComputed, readiness.Sectors.Single(s => s.Type == InstitutionType.Hogeschool).Freshness);
        Assert.HasCount(2, readiness.Reasons);
        Assert.Contains("'universiteit'", readiness.Reasons[0]);
        Assert.Contains("'hogeschool'", readiness.Reasons[1]);
    }

    [TestMethod]
    public void A_mark_for_a_type_without_participations_still_counts()
    {
        var readiness = PublicationReadiness.Of([], [InstitutionType.Overig], []);

        Assert.AreEqual(SectorFreshness.RecomputePending, readiness.Sectors.Single().Freshness);
        Assert.IsFalse(readiness.SectorViewsCurrent);
    }

    [TestMethod]
    public void Suppression_counts_withheld_themes_questions_and_single_grid_figures()
    {
        var grid = new QuestionStatistics
        {
            Key = "g", Type = "grid",
            Cells = [new GridCell("r", "c", null, null, true, "x"), new GridCell("r", "d", 3, 3, false, null)],
            RowTotals = [new GridRowTotal("r", null, null, true, "x")],
            Total = new GridTotal(10, 5, false, null),
        };
        var withheld = new QuestionStatistics { Key = "q", Type = "maturity", Suppressed = true, Reason = "x" };
        var view = new SectorView("r", "universiteit", new QuestionnaireRef("k", "1"), SectorViewKinds.Published, DateTimeOffset.UnixEpoch, "sha256:x",
            null, 5, false, null, [new ThemeStatistics("t", null, 5, null, null, null, null, null, true, "x")], [grid, withheld], null);

        var counts = SuppressionCounts.Of(view);

        Assert.AreEqual(new SuppressionCounts(false, 1, 1, 2), counts);
        Assert.AreEqual(4, counts.Total);
    }
}
