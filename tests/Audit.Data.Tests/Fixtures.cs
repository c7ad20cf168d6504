using System.Data.Common;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.Rounds;
using Audit.Data.AuditTrail;
using Audit.Data.Connections;
using Audit.Data.Institutions;
using Audit.Data.Questionnaires;
using Audit.Data.Rounds;

namespace Audit.Data.Tests;

/// <summary>
/// Builders for the round and participation contracts. Every object gets a fresh random id, so tests sharing
/// a class database never see each other's rows.
/// </summary>
internal static class Fixtures
{
    /// <summary>A UTC instant with sub-millisecond ticks: microseconds are what all three engines keep.</summary>
    public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero).AddTicks(1234560);

    public static readonly Actor Tester = new("tester", "admin");

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public static AuditEvent Change(string action, string objectType, string objectId, DateTimeOffset? at = null) =>
        Tester.Did(action, objectType, objectId, at ?? Now);

    public static async Task<QuestionnaireRef> NewQuestionnaireAsync(IDbConnectionFactory factory, string version = "2023")
    {
        var key = NewId("q");
        var stored = new StoredQuestionnaire(key, version, "Vragenlijst " + key, "nl", $$"""{"key":"{{key}}","version":"{{version}}"}""", "sha256:" + key, Now);
        var result = await new QuestionnaireRepository(factory).InsertIfAbsentAsync(stored, Change("questionnaire.created", "questionnaire", key));
        Assert.IsTrue(result.Inserted);
        return new QuestionnaireRef(key, version);
    }

    public static Round NewRound(QuestionnaireRef questionnaire, string? baselineRoundId = null, DisclosureSettings? disclosure = null) =>
        new(NewId("r"), "Audit kennisveiligheid — test", questionnaire,
            new DateTimeOffset(2023, 1, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 4, 1, 0, 0, 0, TimeSpan.Zero),
            disclosure ?? DisclosureSettings.Default, RoundStatus.Draft, baselineRoundId);

    /// <summary>A questionnaire and a draft round using it, stored.</summary>
    public static async Task<Round> NewStoredRoundAsync(IDbConnectionFactory factory)
    {
        var round = NewRound(await NewQuestionnaireAsync(factory));
        Assert.AreEqual(RoundInsertOutcome.Inserted,
            await new RoundRepository(factory).InsertAsync(round, Change("round.created", "round", round.Id)));
        return round;
    }

    public static async Task<Institution> NewInstitutionAsync(
        IDbConnectionFactory factory, InstitutionType type = InstitutionType.Overig, bool active = true)
    {
        var institution = new Institution(NewId("i"), "Instelling " + Guid.NewGuid().ToString("N")[..6], type, "Utrecht", null, active);
        Assert.IsTrue(await new InstitutionRepository(factory).InsertAsync(
            institution, Change("institution.created", "institution", institution.Id)));
        return institution;
    }

    public static async Task<long> AuditEventsAsync(IDbConnectionFactory factory, string objectId, string? action = null)
    {
        var page = await new AuditEventRepository(factory).QueryAsync(new AuditEventQuery(ObjectId: objectId), new Core.Paging.PageRequest());
        return action is null ? page.Total : page.Items.Count(e => e.Action == action);
    }

    /// <summary>Runs raw SQL, for proving that the schema itself refuses what the repositories never attempt.</summary>
    public static async Task ExecuteRawAsync(IDbConnectionFactory factory, string sql)
    {
        await using var connection = await factory.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static Task AssertRefusedAsync(IDbConnectionFactory factory, string sql) =>
        Assert.ThrowsAsync<DbException>(() => ExecuteRawAsync(factory, sql), "The database accepted: " + sql);
}
