using Audit.Data.Dialects;

namespace Audit.Data.Tests.SqlServer;

/// <summary>
/// The T-SQL parse check finds repository SQL by convention; a <c>*Sql</c> class that drifts from it would be
/// skipped silently, so the convention itself is checked here.
/// </summary>
[TestClass]
public sealed class SqlClassConventionTests
{
    [TestMethod]
    public void Every_Sql_class_takes_a_dialect_so_the_parse_check_sees_it()
    {
        var drifted = typeof(SqlDialects).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic && t.Name.EndsWith("Sql", StringComparison.Ordinal))
            .Where(t => t.GetConstructor([typeof(ISqlDialect)]) is null)
            .Select(t => t.FullName)
            .ToList();

        Assert.IsEmpty(drifted, string.Join(", ", drifted));
    }

    [TestMethod]
    [DataRow("InstitutionSql")]
    [DataRow("InstitutionDirectorySql")]
    [DataRow("QuestionnaireSql")]
    [DataRow("RoundSql")]
    [DataRow("ParticipationSql")]
    [DataRow("ParticipationStateSql")]
    [DataRow("AnswerSql")]
    [DataRow("EvidenceSql")]
    [DataRow("SubmissionSql")]
    [DataRow("ReviewSql")]
    [DataRow("FindingsSql")]
    [DataRow("DeepDiveSql")]
    [DataRow("SectorFindingsSql")]
    [DataRow("CycleFindingsSql")]
    [DataRow("FollowUpSql")]
    [DataRow("RoundProgressSql")]
    [DataRow("RoundAnswersSql")]
    [DataRow("SectorDirtySql")]
    [DataRow("RoundMailSql")]
    [DataRow("RenderedReportSql")]
    [DataRow("AuditEventSql")]
    [DataRow("UserSql")]
    [DataRow("UserTokenSql")]
    [DataRow("MailOutboxSql")]
    [DataRow("SectorViewSql")]
    [DataRow("IncludedAnswersSql")]
    [DataRow("DataProtectionKeySql")]
    public void The_parse_check_covers_the_repository(string sqlClass)
    {
        var statements = TSqlCheck.RepositoryStatements(SqlServerDialect.Instance)
            .Where(s => s.Name.StartsWith(sqlClass + ".", StringComparison.Ordinal))
            .ToList();

        Assert.IsNotEmpty(statements);
    }
}
