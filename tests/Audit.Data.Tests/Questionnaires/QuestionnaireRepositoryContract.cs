using Audit.Core.Questionnaires;
using Audit.Data.Connections;
using Audit.Data.Questionnaires;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests.Questionnaires;

/// <summary>Questionnaire versions are stored exactly and never change, on every engine.</summary>
public abstract class QuestionnaireRepositoryContract : EngineTestBase
{
    private QuestionnaireRepository Questionnaires => new(Factory);

    private static StoredQuestionnaire Version(string key, string version, string definition, string hash) =>
        new(key, version, $"Externe audit kennisveiligheid {version}", "nl", definition, hash, Now);

    [TestMethod]
    public async Task A_version_is_stored_once_and_a_repeat_reports_the_stored_hash()
    {
        var key = NewId("q");
        var first = Version(key, "2023", """{"v":1}""", "sha256:aaa");
        var result = await Questionnaires.InsertIfAbsentAsync(first, Change("questionnaire.created", "questionnaire", key));
        Assert.AreEqual(new QuestionnaireInsertResult(true, "sha256:aaa"), result);

        var changed = Version(key, "2023", """{"v":2}""", "sha256:bbb");
        var repeat = await Questionnaires.InsertIfAbsentAsync(changed, Change("questionnaire.created", "questionnaire", key));

        Assert.AreEqual(new QuestionnaireInsertResult(false, "sha256:aaa"), repeat);
        Assert.AreEqual(first, await Questionnaires.GetAsync(key, "2023"));
        Assert.AreEqual(1, await AuditEventsAsync(Factory, key), "a refused repeat leaves no audit event");
    }

    [TestMethod]
    public async Task Translations_replace_a_definition_only_while_its_hash_is_the_one_expected()
    {
        var key = NewId("q");
        await Questionnaires.InsertIfAbsentAsync(Version(key, "2023", """{"v":1}""", "sha256:aaa"), Change("questionnaire.created", "questionnaire", key));
        var translated = Version(key, "2023", """{"v":1,"en":true}""", "sha256:bbb");

        Assert.IsFalse(await Questionnaires.ReplaceTranslationsAsync(translated, "sha256:zzz", Change("questionnaire.translations-updated", "questionnaire", key)));
        Assert.AreEqual("sha256:aaa", (await Questionnaires.GetAsync(key, "2023"))!.ContentHash);
        Assert.AreEqual(1, await AuditEventsAsync(Factory, key), "a refused replace leaves no audit event");

        Assert.IsTrue(await Questionnaires.ReplaceTranslationsAsync(translated, "sha256:aaa", Change("questionnaire.translations-updated", "questionnaire", key)));
        var read = await Questionnaires.GetAsync(key, "2023");
        Assert.AreEqual(translated, read, "definition and hash replaced; title, language and creation time kept");
        Assert.AreEqual(2, await AuditEventsAsync(Factory, key));
    }

    [TestMethod]
    public async Task The_definition_text_round_trips_exactly_however_long()
    {
        var key = NewId("q");
        // Non-ASCII, line breaks and well beyond 4000 characters (nvarchar(4000) would truncate).
        var definition = "{\"title\":\"Heeft de instelling een kennisveiligheidscoördinator?\",\n\"help\":\"" +
                         string.Concat(Enumerable.Repeat("é€ —", 3000)) + "\"}";
        var stored = Version(key, "2025", definition, "sha256:long");
        Assert.IsTrue((await Questionnaires.InsertIfAbsentAsync(stored, Change("questionnaire.created", "questionnaire", key))).Inserted);

        var read = await Questionnaires.GetAsync(key, "2025");

        Assert.IsNotNull(read);
        Assert.AreEqual(definition, read.DefinitionJson);
        Assert.AreEqual(Now, read.CreatedAt);
        Assert.AreEqual(TimeSpan.Zero, read.CreatedAt.Offset);
        Assert.IsNull(await Questionnaires.GetAsync(key, "2024"));
    }

    [TestMethod]
    public async Task Versions_of_one_key_list_in_order_without_their_definitions()
    {
        var key = NewId("q");
        foreach (var version in new[] { "2025", "2023" })
        {
            await Questionnaires.InsertIfAbsentAsync(Version(key, version, "{}", "sha256:" + version),
                Change("questionnaire.created", "questionnaire", key));
        }

        var mine = (await Questionnaires.ListAsync()).Where(q => q.Key == key).ToList();

        Assert.AreSequenceEqual(new[] { "2023", "2025" }, mine.Select(q => q.Version).ToList());
        Assert.AreEqual(new QuestionnaireSummary(key, "2023", "Externe audit kennisveiligheid 2023", "nl", "sha256:2023", Now), mine[0]);
    }
}

[TestClass]
public sealed class SqliteQuestionnaireRepositoryTests : QuestionnaireRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

[TestClass]
public sealed class PostgresQuestionnaireRepositoryTests : QuestionnaireRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

[TestClass]
public sealed class SqlServerQuestionnaireRepositoryTests : QuestionnaireRepositoryContract
{
    protected override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
