using Audit.Core.Questionnaires;

namespace Audit.Application.Questionnaires;

/// <summary>Questionnaire versions. Every signed-in role reads them: what is asked is not secret.</summary>
public sealed class ReadQuestionnaires(IQuestionnaireRepository questionnaires, QuestionnaireCatalog catalog)
{
    /// <summary>Every version, by key and version, without the definitions.</summary>
    public async Task<Outcome<IReadOnlyList<QuestionnaireSummary>>> ExecuteAsync(Caller caller, CancellationToken cancellationToken) =>
        Outcome.Of(await questionnaires.ListAsync(cancellationToken));

    public async Task<Outcome<StoredQuestionnaire>> GetAsync(Caller caller, string key, string version, CancellationToken cancellationToken) =>
        await questionnaires.GetAsync(key, version, cancellationToken) is { } stored
            ? stored
            : new Failure.NotFound($"Questionnaire '{key}' has no version '{version}'.");

    /// <summary>The version as the respondents' pages use it (parsed), for a preview.</summary>
    public async Task<Outcome<Questionnaire>> ParsedAsync(Caller caller, string key, string version, CancellationToken cancellationToken) =>
        await catalog.GetAsync(key, version, cancellationToken) is { } parsed
            ? parsed
            : new Failure.NotFound($"Questionnaire '{key}' has no version '{version}'.");
}
