namespace Audit.Data.Evidence;

/// <summary>The evidence metadata's SQL, written once; parsed as T-SQL by the ScriptDom test.</summary>
public sealed class EvidenceSql
{
    /// <summary>Every statement here is portable; the dialect is taken like in every *Sql class, which the parse check relies on.</summary>
    public EvidenceSql(ISqlDialect dialect) => ArgumentNullException.ThrowIfNull(dialect);

    private const string Select =
        "SELECT id, participation_id AS ParticipationId, question_key AS QuestionKey, sha256, file_name AS FileName, " +
        "content_type AS ContentType, size_bytes AS SizeBytes, uploaded_by AS UploadedBy, uploaded_at AS UploadedAt FROM evidence";

    public string Insert { get; } =
        "INSERT INTO evidence (id, participation_id, question_key, sha256, file_name, content_type, size_bytes, uploaded_by, uploaded_at) " +
        "VALUES (@id, @participation_id, @question_key, @sha256, @file_name, @content_type, @size_bytes, @uploaded_by, @uploaded_at)";

    public string List { get; } = Select + " WHERE participation_id = @participation_id ORDER BY uploaded_at, id";

    public string ListOfQuestion { get; } =
        Select + " WHERE participation_id = @participation_id AND question_key = @question_key ORDER BY uploaded_at, id";

    public string Get { get; } = Select + " WHERE participation_id = @participation_id AND id = @id";

    public string Delete { get; } = "DELETE FROM evidence WHERE participation_id = @participation_id AND id = @id";

    public string ContentReferences { get; } = "SELECT COUNT(*) FROM evidence WHERE sha256 = @sha256";
}
