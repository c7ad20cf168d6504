using System.Security.Cryptography;
using System.Text;
using Audit.Core.Answers;
using Audit.Core.AuditTrail;
using Audit.Core.Institutions;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Data.Answers;
using Audit.Data.Connections;
using Audit.Data.Reviews;
using Audit.Data.Rounds;
using Dapper;
using static Audit.Data.Tests.Fixtures;

namespace Audit.Data.Tests;

/// <summary>Builders for the collection and review contracts: open rounds, invited participations, submissions.</summary>
internal static class CollectionFixtures
{
    public static readonly Actor Respondent = new("u_respondent", "respondent");
    public static readonly Actor Colleague = new("u_colleague", "respondent");
    public static readonly Actor Analyst = new("u_analyst", "analyst");

    /// <summary>A stored round moved to open.</summary>
    public static async Task<Round> OpenRoundAsync(IDbConnectionFactory factory)
    {
        var round = await NewStoredRoundAsync(factory);
        await MoveRoundAsync(factory, round.Id, RoundStatus.Draft, RoundStatus.Open);
        return round with { Status = RoundStatus.Open };
    }

    public static async Task MoveRoundAsync(IDbConnectionFactory factory, string roundId, RoundStatus from, RoundStatus to)
    {
        var moved = await new RoundRepository(factory).ChangeStatusAsync(roundId, from, to, Change("round." + to.ToWireName(), "round", roundId));
        Assert.IsTrue(moved.Changed, $"round {from} → {to}");
    }

    /// <summary>An invited participation of a new institution in <paramref name="round"/> (a new open round when null).</summary>
    public static async Task<ParticipationRecord> InvitedAsync(
        IDbConnectionFactory factory, Round? round = null, InstitutionType type = InstitutionType.Overig, Institution? institution = null)
    {
        round ??= await OpenRoundAsync(factory);
        institution ??= await NewInstitutionAsync(factory, type);
        var invited = await new ParticipationRepository(factory).InviteAsync(round.Id, [institution.Id], Tester, Now);
        Assert.AreEqual(InviteOutcome.Done, invited.Outcome);
        return invited.Participations.Single();
    }

    public static AnswerWrite Write(string key, string valueJson, int? expected = null, string? comment = null) =>
        new(key, valueJson, comment, expected);

    /// <summary>Saves answers as the respondent and asserts they were saved.</summary>
    public static async Task SaveAllAsync(IDbConnectionFactory factory, string participationId, params AnswerWrite[] writes)
    {
        var result = await new AnswerRepository(factory).SaveBatchAsync(participationId, writes, Respondent, Now);
        Assert.AreEqual(AnswerBatchOutcome.Saved, result.Outcome);
    }

    /// <summary>The snapshot an API would build: the current answers as JSON, with their versions.</summary>
    public static async Task<SubmissionSnapshot> SnapshotAsync(IDbConnectionFactory factory, string participationId)
    {
        var answers = await new AnswerRepository(factory).ListAsync(participationId);
        var json = "{" + string.Join(",", answers.Select(a => $"\"{a.QuestionKey}\":{a.ValueJson}")) + "}";
        return new SubmissionSnapshot(json, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            answers.ToDictionary(a => a.QuestionKey, a => a.Version, StringComparer.Ordinal));
    }

    public static async Task<SubmitResult> SubmitAsync(
        IDbConnectionFactory factory, string participationId, ParticipationStatus expected, DateTimeOffset? at = null)
    {
        var snapshot = await SnapshotAsync(factory, participationId);
        return await new SubmissionRepository(factory).SubmitAsync(participationId, expected, snapshot, Respondent, at ?? Now);
    }

    public static async Task<ParticipationStatus> StatusAsync(IDbConnectionFactory factory, string participationId) =>
        (await new ParticipationRepository(factory).GetAsync(participationId))!.Status;

    public static async Task<long> CountAsync(IDbConnectionFactory factory, string sql, object parameters)
    {
        await using var connection = await factory.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
