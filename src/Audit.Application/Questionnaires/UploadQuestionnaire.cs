using Audit.Core.Questionnaires;

namespace Audit.Application.Questionnaires;

/// <summary>The version as stored; <see cref="Inserted"/> is false when the identical version was stored already.</summary>
public sealed record UploadedQuestionnaire(StoredQuestionnaire Questionnaire, bool Inserted);

/// <summary>
/// An admin uploads a questionnaire version as YAML or JSON. It must load cleanly (every error, keyed by its path);
/// a stored version never changes, so uploading it again is harmless only with the same content.
/// </summary>
public sealed class UploadQuestionnaire(IQuestionnaireRepository questionnaires, TimeProvider clock)
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
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return new Failure.Invalid(errors, $"The definition has {loaded.Errors.Count} error(s).");
        }
        var now = clock.GetUtcNow();
        var stored = QuestionnaireJson.ToStored(loaded.Value!, now);
        var result = await questionnaires.InsertIfAbsentAsync(stored,
            caller.ToActor().Did("questionnaire.uploaded", "questionnaire", $"{stored.Key}/{stored.Version}", now, stored.ContentHash), cancellationToken);
        if (!result.Inserted && result.StoredContentHash != stored.ContentHash)
        {
            return new Failure.Conflict(
                $"Questionnaire '{stored.Key}' version '{stored.Version}' exists with different content; a version never changes. Upload it as a new version.");
        }
        return new UploadedQuestionnaire((await questionnaires.GetAsync(stored.Key, stored.Version, cancellationToken))!, result.Inserted);
    }
}
