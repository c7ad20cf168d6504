using System.Globalization;
using System.Text.Json;
using Audit.Application.Answers;
using Audit.Core.Answers;
using Audit.Core.Questionnaires;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// A posted theme form read against the stored answers: what to write, what to clear, and every error. Questions are
/// read in order, and each one's visibility is judged on the answers as they would be after this save, so a question
/// hidden by an answer given on this same form is neither validated nor saved. A question the page did not show
/// (it appeared through this post) keeps its stored answer; <see cref="Appeared"/> says the person should see it first.
/// Only changed answers are written, each expecting the version the page was rendered with, so an untouched field
/// never overwrites a colleague's answer and a touched one does not either, unnoticed. <see cref="SaveThemeAnswers"/>
/// saves it, and reads it again once against newer answers when some were stale.
/// </summary>
public sealed record ThemeSubmission(
    RespondentView View, ThemeEntries Entries, IReadOnlyList<AnswerWrite> Writes, IReadOnlyList<AnswerClear> Clears, bool Appeared)
    : IFormChanges
{
    public bool HasErrors => Entries.Errors.Count > 0;

    public static ThemeSubmission Read(RespondentView view, Theme theme, IFormCollection form)
    {
        var questionnaire = view.Scope.Questionnaire;
        var shown = form[ThemeForm.ShownField].Select(v => v ?? "").ToHashSet(StringComparer.Ordinal);
        var merged = new Dictionary<string, JsonElement>(view.Values, StringComparer.Ordinal);
        var entered = new Dictionary<string, RawAnswer>(StringComparer.Ordinal);
        var errors = new Dictionary<string, FieldError>(StringComparer.Ordinal);
        var versions = view.Answers.ToDictionary(a => a.Key, a => a.Value.Version, StringComparer.Ordinal);
        var writes = new List<AnswerWrite>();
        var clears = new List<AnswerClear>();
        var appeared = false;
        foreach (var question in theme.Questions)
        {
            if (!Visibility.IsVisible(questionnaire, question, merged))
            {
                continue;
            }
            if (!shown.Contains(question.Key))
            {
                // Not on the page as it was rendered: it became visible through this post, so the person has not seen it yet.
                appeared |= !Visibility.IsVisible(questionnaire, question, view.Values);
                continue;
            }
            var raw = ThemeForm.FromForm(question, form);
            entered[question.Key] = raw;
            var seen = ReadVersion(form[ThemeForm.VersionField(question.Key)].ToString());
            if (seen is { } v) versions[question.Key] = v; else versions.Remove(question.Key);
            var parsed = ThemeForm.Parse(question, raw);
            var current = view.Answers.GetValueOrDefault(question.Key);
            var comment = raw.Comment is null ? current?.Comment : string.IsNullOrWhiteSpace(raw.Comment) ? null : raw.Comment;
            if ((parsed.Error ?? CommentError(question, parsed, comment)) is { } error)
            {
                errors[question.Key] = error;
            }
            else if (parsed.Value is not { } value)
            {
                merged.Remove(question.Key);
                if (current is not null && seen is { } expected)
                {
                    clears.Add(new AnswerClear(question.Key, expected));
                }
                else if (current is not null)
                {
                    // Answered by a colleague after this page was rendered: say so, and expect their version on the next save.
                    errors[question.Key] = new FieldError("conflict");
                    versions[question.Key] = current.Version;
                }
            }
            else
            {
                merged[question.Key] = value;
                if (current is null || !ThemeForm.SameValue(question, value, view.Values[question.Key]) || !string.Equals(comment, current.Comment, StringComparison.Ordinal))
                {
                    writes.Add(new AnswerWrite(question.Key, AnswerInput.Canonical(value), comment, seen ?? 0));
                }
            }
        }
        return new ThemeSubmission(view, new ThemeEntries(merged, entered, errors, versions), writes, clears, appeared);
    }

    /// <summary>
    /// A comment is stored with its answer, so one without an answer cannot be kept: the person is told rather than
    /// losing it unnoticed. Too long is refused here in the page's words; Core's check would only give English.
    /// </summary>
    private static FieldError? CommentError(Question question, ParsedAnswer parsed, string? comment) =>
        comment is null ? null
        : comment.Length > AnswerInput.MaxCommentLength ? new FieldError("comment_too_long", AnswerInput.MaxCommentLength, comment.Length, ThemeIds.Comment(question.Key))
        : parsed.IsEmpty ? new FieldError("comment_needs_answer", CellId: ThemeIds.Comment(question.Key))
        : null;

    /// <summary>The version the page was rendered with; null when it had no answer (or the field was tampered with).</summary>
    private static int? ReadVersion(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;

    /// <summary>After a refused save because colleagues changed answers: those fields say so and expect the versions now stored.</summary>
    public ThemeEntries WithConflicts(IEnumerable<AnswerSaveResult> stale)
    {
        var errors = new Dictionary<string, FieldError>(Entries.Errors, StringComparer.Ordinal);
        var versions = new Dictionary<string, int>(Entries.Versions, StringComparer.Ordinal);
        foreach (var item in stale)
        {
            errors[item.QuestionKey] = new FieldError("conflict");
            if (item.Answer is { } current) versions[item.QuestionKey] = current.Version; else versions.Remove(item.QuestionKey);
        }
        return Entries with { Errors = errors, Versions = versions };
    }
}
