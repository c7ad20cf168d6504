using Audit.Core.Questionnaires;

namespace Audit.Application.Questionnaires;

/// <summary>A version and the earlier one it is compared with, and what changed question by question.</summary>
public sealed record QuestionnaireComparisonView(Questionnaire Older, Questionnaire Newer, QuestionnaireDifferencesResult Differences);

/// <summary>
/// Compares two versions of a questionnaire: questions added, removed, and changed in type, text or options
/// (<see cref="QuestionnaireDifferences"/>). Readable by everyone signed in, like the versions themselves.
/// </summary>
public sealed class CompareQuestionnaires(QuestionnaireCatalog catalog)
{
    public async Task<Outcome<QuestionnaireComparisonView>> ExecuteAsync(
        Caller caller, string key, string version, string? olderVersion, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(olderVersion))
        {
            return Failure.Invalid.Field("from", "Name the version to compare with.");
        }
        if (await catalog.GetAsync(key, version, cancellationToken) is not { } newer)
        {
            return new Failure.NotFound($"Questionnaire '{key}' has no version '{version}'.");
        }
        if (await catalog.GetAsync(key, olderVersion, cancellationToken) is not { } older)
        {
            return Failure.Invalid.Field("from", $"Questionnaire '{key}' has no version '{olderVersion}'.");
        }
        return new QuestionnaireComparisonView(older, newer, QuestionnaireDifferences.Compare(older, newer));
    }
}
