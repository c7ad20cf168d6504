using System.Globalization;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;

namespace Audit.Application.Questionnaires;

/// <summary>The version as stored; <see cref="Inserted"/> is false when the identical version was stored already.</summary>
public sealed record UploadedQuestionnaire(StoredQuestionnaire Questionnaire, bool Inserted);

/// <summary>
/// An admin uploads a questionnaire version as YAML or JSON; the API and the bureau's upload page both come here. It must
/// load cleanly: every error, keyed by its path, with the line it is on ("line 12: …") because the author edits a file.
/// A stored version never changes, so uploading it again is harmless only with the same content; different content is a
/// conflict that names the rounds asking that version, if any, since those are why it can never change.
/// </summary>
public sealed class UploadQuestionnaire(IQuestionnaireRepository questionnaires, IRoundRepository rounds, TimeProvider clock)
{
    public async Task<Outcome<UploadedQuestionnaire>> ExecuteAsync(Caller caller, string definition, bool isYaml, CancellationToken cancellationToken)
    {
        if (Permission.AdminOnly(caller) is { } refused)
        {
            return refused;
        }
        var loaded = isYaml ? QuestionnaireLoader.LoadYaml(definition) : QuestionnaireLoader.LoadJson(definition);
        if (!loaded.IsValid)
        {
            var errors = loaded.Errors.GroupBy(e => e.Path.Length == 0 ? "$" : e.Path)
                .ToDictionary(g => g.Key, g => g.Select(WithLine).ToArray());
            return new Failure.Invalid(errors, $"The definition has {loaded.Errors.Count} error(s).");
        }
        var now = clock.GetUtcNow();
        var stored = QuestionnaireJson.ToStored(loaded.Value!, now);
        var result = await questionnaires.InsertIfAbsentAsync(stored,
            caller.ToActor().Did("questionnaire.uploaded", "questionnaire", $"{stored.Key}/{stored.Version}", now, stored.ContentHash), cancellationToken);
        if (!result.Inserted && result.StoredContentHash != stored.ContentHash)
        {
            var users = (await ReadQuestionnaireUses.RoundsUsingAsync(rounds, cancellationToken))
                .Where(r => r.Questionnaire == new QuestionnaireRef(stored.Key, stored.Version)).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
            var why = users.Count == 0
                ? "a version never changes"
                : $"round(s) {string.Join(", ", users)} use it, and a version never changes";
            return new Failure.Conflict(
                $"Questionnaire '{stored.Key}' version '{stored.Version}' exists with different content; {why}. Upload it as a new version.")
            {
                Extensions = new Dictionary<string, object?> { ["rounds"] = users },
            };
        }
        return new UploadedQuestionnaire((await questionnaires.GetAsync(stored.Key, stored.Version, cancellationToken))!, result.Inserted);
    }

    /// <summary>The message as the API and the page show it: "line 12: …" when the line is known.</summary>
    public static string WithLine(DefinitionError error) =>
        error.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line}: {error.Message}") : error.Message;

    /// <summary>The line and the message back from a text made by <see cref="WithLine"/>, for a page that shows them in columns.</summary>
    public static (int? Line, string Message) SplitLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string prefix = "line ";
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return text.StartsWith(prefix, StringComparison.Ordinal) && colon > prefix.Length
            && int.TryParse(text.AsSpan(prefix.Length, colon - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
                ? (line, text[(colon + 2)..])
                : (null, text);
    }
}
