using System.Diagnostics;
using Audit.Core.Institutions;
using Audit.Drills.Aggregation;
using Dapper;

namespace Audit.Drills.ScaleOut;

/// <summary>What the scale-out drill reads back from the database: dirty marks, current views, the outbox.</summary>
public static class ScaleOutChecks
{
    /// <summary>
    /// Waits until the round has no dirty sector and Hangfire holds no enqueued or running recompute for it. A sweep
    /// job left "Processing" by a killed worker is not waited for: it will never end, and its work is in the marks.
    /// </summary>
    public static async Task WaitUntilCleanAsync(SectorData data, DrillDatabase database, string roundId, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var dirty = (await data.DirtyAsync()).Count(m => m.RoundId == roundId);
            long pending;
            await using (var connection = await database.Factory.OpenAsync())
            {
                pending = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM hangfire.job WHERE statename IN ('Enqueued', 'Processing', 'Scheduled') " +
                    "AND invocationdata::text LIKE '%SectorRecomputeJob%' AND arguments::text LIKE @round",
                    new { round = "%" + roundId + "\\\\\"%" });
            }
            if (dirty == 0 && pending == 0)
            {
                return;
            }
            if (watch.Elapsed > timeout)
            {
                await using var connection = await database.Factory.OpenAsync();
                var locks = await connection.QueryAsync<string>("SELECT resource || ' since ' || acquired::text FROM hangfire.lock");
                var states = await connection.QueryAsync<string>(
                    "SELECT statename || ' ' || COUNT(*) FROM hangfire.job WHERE invocationdata::text LIKE '%SectorSweepJob%' GROUP BY statename");
                throw new DrillFailure($"{roundId}: after {timeout.TotalSeconds:0} s still {dirty} dirty sector(s) and {pending} recompute job(s) pending; " +
                    $"Hangfire locks: {string.Join(", ", locks)}; sweep jobs: {string.Join(", ", states)}.");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Per sector: exactly one current-view row, pointing at a stored version whose fingerprint and numbers equal a
    /// recompute from scratch here. Returns a summary (versions stored per sector) for the log.
    /// </summary>
    public static async Task<string> CurrentViewsEqualCleanAsync(DrillDatabase database, SectorData data, string roundId, IReadOnlyList<string> types)
    {
        var versions = new List<string>();
        foreach (var type in types)
        {
            await using var connection = await database.Factory.OpenAsync();
            var current = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM sector_view_current WHERE round_id = @roundId AND institution_type = @type", new { roundId, type });
            var versionCount = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM sector_views WHERE round_id = @roundId AND institution_type = @type", new { roundId, type });
            if (current != 1)
            {
                throw new DrillFailure($"{roundId}/{type}: {current} current views, expected exactly one.");
            }
            var view = (await data.CurrentAsync(roundId, type))!;
            if (!InstitutionTypes.TryParse(type, out var parsed))
            {
                throw new DrillFailure($"Unknown institution type {type}.");
            }
            var clean = await data.CleanRecomputeAsync(roundId, parsed);
            if (view.Fingerprint != clean.Fingerprint)
            {
                throw new DrillFailure($"{roundId}/{type}: the current view has fingerprint {view.Fingerprint} ({view.Included} included), " +
                    $"a clean recompute {clean.Fingerprint} ({clean.Included} included).");
            }
            var cleanJson = System.Text.Encoding.UTF8.GetString(Audit.Core.SectorViews.SectorViewJson.Serialize(clean));
            var (stored, cleanNumbers) = (SectorData.Numbers(view.InternalJson), SectorData.Numbers(cleanJson));
            if (stored != cleanNumbers)
            {
                var at = Enumerable.Range(0, Math.Min(stored.Length, cleanNumbers.Length)).FirstOrDefault(i => stored[i] != cleanNumbers[i]);
                string Around(string json) => json.Substring(Math.Max(0, at - 160), Math.Min(320, json.Length - Math.Max(0, at - 160)));
                throw new DrillFailure($"{roundId}/{type}: same fingerprint ({view.Included} included), but the numbers differ from a clean recompute " +
                    $"at character {at}:{Environment.NewLine}  stored: …{Around(stored)}…{Environment.NewLine}  clean:  …{Around(cleanNumbers)}…");
            }
            versions.Add($"{type} {view.Included} included, {versionCount} version(s)");
        }
        return $"one current view per sector, each equal to a clean recompute ({string.Join("; ", versions)})";
    }

    /// <summary>Exactly one review mail per accepted participation (one contact each), and no dedupe key twice.</summary>
    public static async Task<string> OneReviewMailEachAsync(DrillDatabase database, IReadOnlyList<string> participationIds)
    {
        await using var connection = await database.Factory.OpenAsync();
        var keys = (await connection.QueryAsync<string>("SELECT dedupe_key FROM mail_outbox WHERE dedupe_key LIKE 'review:%'")).ToList();
        var perParticipation = keys.GroupBy(k => k.Split(':')[1]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var problems = participationIds.Where(p => perParticipation.GetValueOrDefault(p) != 1)
            .Select(p => $"{p}: {perParticipation.GetValueOrDefault(p)} mails").ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            problems.Add("a dedupe key occurs twice");
        }
        if (problems.Count > 0)
        {
            throw new DrillFailure($"Review mails in the outbox are not one per accepted participation: {string.Join("; ", problems.Take(5))}");
        }
        return $"outbox: {keys.Count} review mails for {participationIds.Count} accepted participations, one each, dedupe keys unique";
    }
}
