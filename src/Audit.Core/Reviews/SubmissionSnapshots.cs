using System.Security.Cryptography;
using System.Text;
using Audit.Core.Answers;

namespace Audit.Core.Reviews;

/// <summary>
/// Freezes a participation's answers at submission: canonical JSON (questionnaire, then the answers in ordinal key
/// order with version, value and comment) and its SHA-256, so a later report can prove which answers it used.
/// </summary>
public static class SubmissionSnapshots
{
    public static SubmissionSnapshot Build(Questionnaire questionnaire, IReadOnlyCollection<AnswerRecord> answers)
    {
        ArgumentNullException.ThrowIfNull(questionnaire);
        ArgumentNullException.ThrowIfNull(answers);
        var ordered = answers.OrderBy(a => a.QuestionKey, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("questionnaire");
            writer.WriteString("key", questionnaire.Key);
            writer.WriteString("version", questionnaire.Version);
            writer.WriteEndObject();
            writer.WriteStartArray("answers");
            foreach (var answer in ordered)
            {
                writer.WriteStartObject();
                writer.WriteString("questionKey", answer.QuestionKey);
                writer.WriteNumber("version", answer.Version);
                writer.WritePropertyName("value");
                using (var value = JsonDocument.Parse(answer.ValueJson))
                {
                    value.RootElement.WriteTo(writer);
                }
                if (answer.Comment is not null)
                {
                    writer.WriteString("comment", answer.Comment);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var json = Encoding.UTF8.GetString(buffer.ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        return new SubmissionSnapshot(json, hash, ordered.ToDictionary(a => a.QuestionKey, a => a.Version, StringComparer.Ordinal));
    }
}
