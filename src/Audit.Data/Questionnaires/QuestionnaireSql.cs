namespace Audit.Data.Questionnaires;

/// <summary>
/// The questionnaire versions' SQL, written once; parsed as T-SQL by the ScriptDom test. What a version asks never
/// changes; the one UPDATE replaces a definition whose translations alone changed, guarded by the hash it replaces. The column is questionnaire_key because KEY is reserved in T-SQL.
/// </summary>
public sealed class QuestionnaireSql(ISqlDialect dialect)
{
    private const string SummaryColumns =
        "questionnaire_key AS QuestionnaireKey, version, title, language, content_hash AS ContentHash, created_at AS CreatedAt";

    public string List { get; } = $"SELECT {SummaryColumns} FROM questionnaires ORDER BY questionnaire_key, version";

    public string Get { get; } =
        $"SELECT {SummaryColumns}, definition FROM questionnaires WHERE questionnaire_key = @key AND version = @version";

    public string StoredHash { get; } =
        "SELECT content_hash FROM questionnaires WHERE questionnaire_key = @key AND version = @version";

    public string ReplaceTranslations { get; } =
        "UPDATE questionnaires SET definition = @definition, content_hash = @content_hash " +
        "WHERE questionnaire_key = @key AND version = @version AND content_hash = @expected_hash";

    public string Insert { get; } = dialect.InsertIfAbsent(
        "questionnaires", ["questionnaire_key", "version"], ["title", "language", "definition", "content_hash", "created_at"]);
}
