using System.Collections.Concurrent;
using Audit.Core.AuditTrail;
using Audit.Core.Questionnaires;
using Microsoft.Extensions.Logging;

namespace Audit.Application.Questionnaires;

/// <summary>
/// Parsed questionnaire versions. A version never changes once stored, so each is parsed once per
/// process and kept; every answer validation and statistic uses the same instance.
/// </summary>
public sealed class QuestionnaireCatalog(IQuestionnaireRepository repository, ILogger<QuestionnaireCatalog> logger)
{
    private readonly ConcurrentDictionary<(string Key, string Version), Questionnaire> _parsed = new();

    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "templates", "questionnaires");

    public async Task<Questionnaire?> GetAsync(string key, string version, CancellationToken cancellationToken = default)
    {
        if (_parsed.TryGetValue((key, version), out var cached))
        {
            return cached;
        }
        var stored = await repository.GetAsync(key, version, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        var loaded = QuestionnaireLoader.LoadJson(stored.DefinitionJson);
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException(
                $"Stored questionnaire {key} {version} no longer loads: {string.Join("; ", loaded.Errors)}");
        }
        return _parsed.GetOrAdd((key, version), loaded.Value!);
    }

    /// <summary>
    /// Stores every shipped definition that is not stored yet. A shipped file must load cleanly: a broken
    /// one stops start-up with every error and its path. What a stored version asks is never replaced; only its
    /// translations are, when the shipped file differs from it in nothing else (English added to a version in use).
    /// </summary>
    public async Task SeedShippedAsync(string folder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var loaded = QuestionnaireLoader.LoadYaml(await File.ReadAllTextAsync(file, cancellationToken));
            if (!loaded.IsValid)
            {
                throw new InvalidOperationException(
                    $"Shipped questionnaire {Path.GetFileName(file)} is invalid: {string.Join("; ", loaded.Errors)}");
            }
            var stored = QuestionnaireJson.ToStored(loaded.Value!, now);
            var result = await repository.InsertIfAbsentAsync(stored,
                Actor.System.Did("questionnaire.seeded", "questionnaire", $"{stored.Key}/{stored.Version}", now, Path.GetFileName(file)), cancellationToken);
            if (!result.Inserted && result.StoredContentHash != stored.ContentHash
                && !await UpdateTranslationsAsync(stored, result.StoredContentHash, loaded.Value!, Path.GetFileName(file), now, cancellationToken))
            {
                logger.LogWarning(
                    "Shipped questionnaire {File} differs from stored version {Key} {Version}; the stored version is kept because versions are immutable.",
                    Path.GetFileName(file), stored.Key, stored.Version);
            }
        }
    }

    /// <summary>
    /// Takes the shipped file's translations into the stored version when the two ask exactly the same in their own
    /// language, so a database seeded before the English existed gets it; any other difference is left alone.
    /// </summary>
    private async Task<bool> UpdateTranslationsAsync(
        StoredQuestionnaire shipped, string storedHash, Questionnaire shippedQuestionnaire, string file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await repository.GetAsync(shipped.Key, shipped.Version, cancellationToken);
        if (current is null || current.ContentHash != storedHash
            || QuestionnaireLoader.LoadJson(current.DefinitionJson).Value is not { } stored
            || !QuestionnaireJson.SameQuestions(stored, shippedQuestionnaire))
        {
            return false;
        }
        var replaced = await repository.ReplaceTranslationsAsync(shipped, storedHash,
            Actor.System.Did("questionnaire.translations-updated", "questionnaire", $"{shipped.Key}/{shipped.Version}", now,
                $"{file}: {storedHash} -> {shipped.ContentHash}"), cancellationToken);
        if (replaced)
        {
            _parsed.TryRemove((shipped.Key, shipped.Version), out _);
            logger.LogInformation("Shipped questionnaire {File} updated the translations of stored version {Key} {Version}.",
                file, shipped.Key, shipped.Version);
        }
        return replaced;
    }
}
