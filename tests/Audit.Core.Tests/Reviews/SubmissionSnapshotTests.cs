using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Audit.Core.Answers;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;

namespace Audit.Core.Tests.Reviews;

[TestClass]
public sealed class SubmissionSnapshotTests
{
    private static readonly Questionnaire Questionnaire = new("kv", "2025", "Kennisveiligheid", "nl", []);
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static AnswerRecord Answer(string key, string json, int version, string? comment = null) =>
        new("p_1", key, json, comment, false, version, "u_1", At);

    [TestMethod]
    public void The_snapshot_is_canonical_whatever_the_order_and_its_hash_is_the_sha256_of_its_json()
    {
        var a = Answer("b.getal", "12.50", 3);
        var b = Answer("a.keuze", "[\"x\",\"y\"]", 1, "zie bijlage");

        var one = SubmissionSnapshots.Build(Questionnaire, [a, b]);
        var other = SubmissionSnapshots.Build(Questionnaire, [b, a]);

        Assert.AreEqual(one.SnapshotJson, other.SnapshotJson);
        Assert.AreEqual(one.ContentHash, other.ContentHash);
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(one.SnapshotJson))), one.ContentHash);
        Assert.AreEqual(
            """{"questionnaire":{"key":"kv","version":"2025"},"answers":[{"questionKey":"a.keuze","version":1,"value":["x","y"],"comment":"zie bijlage"},{"questionKey":"b.getal","version":3,"value":12.50}]}""",
            one.SnapshotJson);
        Assert.AreEqual(3, one.AnswerVersions["b.getal"]);
        Assert.AreEqual(1, one.AnswerVersions["a.keuze"]);
        using var parsed = JsonDocument.Parse(one.SnapshotJson);
        Assert.AreEqual(2, parsed.RootElement.GetProperty("answers").GetArrayLength());
    }

    [TestMethod]
    public void Another_value_or_version_changes_the_hash()
    {
        var before = SubmissionSnapshots.Build(Questionnaire, [Answer("a", "\"yes\"", 1)]);

        Assert.AreNotEqual(before.ContentHash, SubmissionSnapshots.Build(Questionnaire, [Answer("a", "\"no\"", 1)]).ContentHash);
        Assert.AreNotEqual(before.ContentHash, SubmissionSnapshots.Build(Questionnaire, [Answer("a", "\"yes\"", 2)]).ContentHash);
    }
}
