using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Audit.Core.Rounds;
using Audit.Core.SectorViews;
using Audit.Core.Statistics;
using Audit.Core.Tests.SectorViews;

namespace Audit.Core.Tests.Statistics;

[TestClass]
public sealed class FingerprintTests
{
    [TestMethod]
    public void The_fingerprint_is_sha256_over_the_sorted_pairs_in_the_documented_encoding()
    {
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("p1\th1\np2\th2\n")));
        Assert.AreEqual(expected, InputFingerprint.Compute([("p2", "h2"), ("p1", "h1")]));
        Assert.AreEqual(
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            InputFingerprint.Compute([]));
    }

    [TestMethod]
    public void Order_does_not_matter_but_every_id_and_hash_does()
    {
        var baseline = InputFingerprint.Compute([("a", "1"), ("b", "2"), ("c", "3")]);
        Assert.AreEqual(baseline, InputFingerprint.Compute([("c", "3"), ("a", "1"), ("b", "2")]));
        Assert.AreNotEqual(baseline, InputFingerprint.Compute([("a", "1"), ("b", "2"), ("c", "4")]));
        Assert.AreNotEqual(baseline, InputFingerprint.Compute([("a", "1"), ("b", "2")]));
        Assert.AreNotEqual(baseline, InputFingerprint.Compute([("a", "1"), ("b", "2"), ("d", "3")]));
        // Sorting is ordinal, not culture-aware: "B" < "a".
        Assert.AreEqual(
            "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("B\tx\na\ty\n"))),
            InputFingerprint.Compute([("a", "y"), ("B", "x")]));
    }

    [TestMethod]
    public void Ambiguous_or_duplicate_input_is_rejected()
    {
        Assert.ThrowsExactly<ArgumentException>(() => InputFingerprint.Compute([("a\tb", "1")]));
        Assert.ThrowsExactly<ArgumentException>(() => InputFingerprint.Compute([("a", "1\n")]));
        Assert.ThrowsExactly<ArgumentException>(() => InputFingerprint.Compute([("a", "1"), ("a", "2")]));
    }

    [TestMethod]
    public void A_recomputed_view_has_the_same_fingerprint_and_bytes_whatever_the_input_order()
    {
        var participations = Enumerable.Range(1, 8)
            .Select(i => SectorViewFixture.Participation($"p{i}", $$"""{"governance.maturity": {{i % 6}}, "risk.partners": {{(i * 1.5m).ToString(CultureInfo.InvariantCulture)}}}"""))
            .ToList();
        var first = SectorViewFixture.Compute(participations);
        var shuffled = SectorViewFixture.Compute(participations.AsEnumerable().Reverse());

        Assert.AreEqual(first.Fingerprint, shuffled.Fingerprint);
        Assert.AreSequenceEqual(SectorViewJson.Serialize(first), SectorViewJson.Serialize(shuffled));

        var resubmitted = participations.ToList();
        resubmitted[3] = resubmitted[3] with { SubmissionHash = "hash-p4-v2" };
        Assert.AreNotEqual(first.Fingerprint, SectorViewFixture.Compute(resubmitted).Fingerprint);
    }

    [TestMethod]
    public void The_view_fingerprint_changes_with_every_input_besides_the_submissions()
    {
        // Same submissions throughout: each of these alone changes the view, so each must change the fingerprint,
        // or a recompute would keep the old view as "unchanged".
        var participations = Enumerable.Range(1, 6)
            .Select(i => SectorViewFixture.Participation($"p{i}", $$"""{"governance.maturity": {{i % 6}}}"""))
            .ToList();
        var plain = SectorViewFixture.Compute(participations);
        var fingerprints = new[]
        {
            plain.Fingerprint,
            SectorViewFixture.Compute(participations, scope: SectorViewFixture.Scope(new ResponseCounts(8, 1, 0, 1, 5))).Fingerprint,
            SectorViewFixture.Compute(participations, scope: SectorViewFixture.Scope(new ResponseCounts(7, 2, 0, 0, 5))).Fingerprint,
            SectorViewFixture.Compute(participations, disclosure: new DisclosureSettings(MinGroupSize: 3)).Fingerprint,
            SectorViewFixture.Compute(participations, disclosure: new DisclosureSettings(Dominance: new DominanceRule(2, 90))).Fingerprint,
            SectorViewFixture.Compute(participations, baseline: plain).Fingerprint,
            SectorViewFixture.Compute(participations, questionnaire: SectorViewFixture.Definition with { Version = "2025b" }).Fingerprint,
        };

        Assert.HasCount(fingerprints.Length, fingerprints.Distinct());
        Assert.AreEqual(plain.Fingerprint, SectorViewFixture.Compute(participations.AsEnumerable().Reverse()).Fingerprint);
    }
}
