using Audit.Core.Questionnaires;

namespace Audit.Data.Questionnaires;

public sealed class QuestionnaireRepository(IDbConnectionFactory factory) : IQuestionnaireRepository
{
    private readonly QuestionnaireSql _sql = new(factory.Dialect);

    public async Task<IReadOnlyList<QuestionnaireSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<QuestionnaireRow>(new CommandDefinition(_sql.List, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSummary()).ToList();
    }

    public async Task<StoredQuestionnaire?> GetAsync(string key, string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await factory.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<QuestionnaireRow>(
            new CommandDefinition(_sql.Get, new { key, version }, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    public Task<QuestionnaireInsertResult> InsertIfAbsentAsync(
        StoredQuestionnaire questionnaire, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.RunAsync(factory, async (c, t) =>
        {
            var inserted = await c.ExecuteAsync(new CommandDefinition(_sql.Insert, new
            {
                questionnaire_key = questionnaire.Key,
                version = questionnaire.Version,
                title = questionnaire.Title,
                language = questionnaire.Language,
                definition = questionnaire.DefinitionJson,
                content_hash = questionnaire.ContentHash,
                created_at = questionnaire.CreatedAt,
            }, t, cancellationToken: cancellationToken)) == 1;
            if (inserted)
            {
                await AuditEventRepository.WriteAsync(c, t, audit, cancellationToken);
                return (true, new QuestionnaireInsertResult(true, questionnaire.ContentHash));
            }
            // Read in the same transaction: the row that won cannot change, so this is the hash to compare with.
            var stored = await c.ExecuteScalarAsync<string>(new CommandDefinition(_sql.StoredHash,
                new { key = questionnaire.Key, version = questionnaire.Version }, t, cancellationToken: cancellationToken));
            return (false, new QuestionnaireInsertResult(false, stored
                ?? throw new InvalidOperationException($"Questionnaire {questionnaire.Key}/{questionnaire.Version} was neither inserted nor found.")));
        }, cancellationToken);

    public Task<bool> ReplaceTranslationsAsync(
        StoredQuestionnaire questionnaire, string expectedHash, AuditEvent audit, CancellationToken cancellationToken = default) =>
        UnitOfWork.ChangeAsync(factory, audit, async (c, t) => await c.ExecuteAsync(new CommandDefinition(_sql.ReplaceTranslations, new
        {
            key = questionnaire.Key,
            version = questionnaire.Version,
            definition = questionnaire.DefinitionJson,
            content_hash = questionnaire.ContentHash,
            expected_hash = expectedHash,
        }, t, cancellationToken: cancellationToken)) == 1, cancellationToken);

    private sealed class QuestionnaireRow
    {
        public string QuestionnaireKey { get; set; } = "";
        public string Version { get; set; } = "";
        public string Title { get; set; } = "";
        public string Language { get; set; } = "";
        public string ContentHash { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public string? Definition { get; set; }

        public QuestionnaireSummary ToSummary() => new(QuestionnaireKey, Version, Title, Language, ContentHash, CreatedAt);

        public StoredQuestionnaire ToStored() =>
            new(QuestionnaireKey, Version, Title, Language, Definition ?? "", ContentHash, CreatedAt);
    }
}
