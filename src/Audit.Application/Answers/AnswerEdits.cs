using System.Text.Json;

namespace Audit.Application.Answers;

/// <summary>One answer as a respondent sends it: the typed value, an optional comment, the version edited.</summary>
public sealed record AnswerEdit(string? QuestionKey, JsonElement Value, string? Comment, int? Version);

/// <summary>Turns the repository's refusals of an answer write into outcomes, worded once for every writer.</summary>
internal static class AnswerRefusals
{
    public const string NotEditableNow = "The answers cannot be changed now.";

    /// <summary>412 (or 428) with the answer as it now is, so the UI can show what a colleague entered.</summary>
    public static Failure Stale(AnswerSaveOutcome outcome, string questionKey, AnswerRecord? current)
    {
        var extensions = new Dictionary<string, object?> { ["current"] = current };
        return outcome == AnswerSaveOutcome.PreconditionRequired
            ? new Failure.PreconditionRequired(
                $"'{questionKey}' already has an answer (version {current?.Version}); send If-Match with the version you edited.",
                current?.Version) { Extensions = extensions }
            : new Failure.Stale(current is null
                ? $"'{questionKey}' was cleared by someone else meanwhile; it has no answer now."
                : $"'{questionKey}' was changed by someone else meanwhile; it is now at version {current.Version}.", current?.Version)
            { Extensions = extensions };
    }

    public static string ReasonOf(AnswerSaveOutcome outcome) => outcome switch
    {
        AnswerSaveOutcome.VersionMismatch => "version_mismatch",
        AnswerSaveOutcome.PreconditionRequired => "version_required",
        AnswerSaveOutcome.NotEditable => "not_editable",
        _ => "not_found",
    };
}

/// <summary>One failing item of a refused batch: its index in the request, why, and the answer as it now is.</summary>
public sealed record AnswerItemFailure(int Index, string QuestionKey, string Reason, AnswerRecord? Current);
