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
    /// one stops start-up with every error and its path. A stored version is never replaced.
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
            if (!result.Inserted && result.StoredContentHash != stored.ContentHash)
            {
                logger.LogWarning(
                    "Shipped questionnaire {File} differs from stored version {Key} {Version}; the stored version is kept because versions are immutable.",
                    Path.GetFileName(file), stored.Key, stored.Version);
            }
        }
    }
}
