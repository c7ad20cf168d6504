using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Audit.Core.Institutions;
using Audit.Core.Questionnaires;
using Audit.Core.SectorViews;
using Audit.Data.SectorViews;
using Dapper;
using DuckDB.NET.Data;

namespace Audit.Benchmarks;

/// <summary>
/// The recompute's reference: the same included answers in an in-memory DuckDB (loaded untimed, parsed into typed
/// columns and rows: see <see cref="AppendTyped"/>), the same statistics as SQL (<see cref="DuckDbSql"/>) on 2 threads, and a value-by-value comparison with
/// the service's internal views. Lives in the bench only: the product never references DuckDB (a test checks).
/// </summary>
internal sealed class DuckDbReference : IDisposable
{
    private readonly DuckDBConnection _duck;

    private DuckDbReference(DuckDBConnection duck) => _duck = duck;

    public static async Task<DuckDbReference> LoadAsync(BenchDatabase db, string roundId, IEnumerable<InstitutionType> types)
    {
        var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        var reference = new DuckDbReference(duck);
        reference.Execute("SET threads = 2;");
        reference.Execute(DuckDbSql.Schema);
        reference.LoadQuestionnaire(db.Questionnaire);
        // One row per included answer (the service reads one row per participation; the load only needs the answers).
        const string stream = "SELECT p.id, p.institution_id, p.row_version, a.question_key, a.value_json FROM participations p " +
            "JOIN institutions i ON i.id = p.institution_id LEFT JOIN answers a ON a.participation_id = p.id " +
            "WHERE p.round_id = @roundId AND i.type = @type AND p.removed_at IS NULL AND p.status = @accepted ORDER BY p.institution_id, a.question_key";
        await using var connection = await db.Factory.OpenAsync();
        using (var parts = duck.CreateAppender("parts"))
        using (var answers = duck.CreateAppender("answers"))
        using (var items = duck.CreateAppender("items"))
        using (var grid = duck.CreateAppender("gcells"))
        {
            foreach (var type in types)
            {
                var sector = type.ToWireName();
                // No command timeout: on a loaded machine reading a 20,000-institution sector while appending outlasted the default 30 s.
                await using var rows = await connection.ExecuteReaderAsync(stream, new { roundId, type = sector, accepted = "accepted" }, commandTimeout: 0);
                string? last = null;
                while (await rows.ReadAsync())
                {
                    var pid = rows.GetString(0);
                    if (pid != last)
                    {
                        parts.CreateRow().AppendValue(sector).AppendValue(pid).EndRow();
                        last = pid;
                    }
                    if (!rows.IsDBNull(3) && !rows.IsDBNull(4))
                    {
                        AppendTyped(answers, items, grid, sector, pid, rows.GetString(3), rows.GetString(4));
                    }
                }
            }
        }
        return reference;
    }

    /// <summary>Computes every figure in DuckDB; the time covers the SQL from the loaded answers to the fetched figures.</summary>
    public (double Milliseconds, Dictionary<string, decimal> Figures) Run()
    {
        var watch = Stopwatch.StartNew();
        var steps = new List<string>();
        foreach (var statement in DuckDbSql.Prepare.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var step = Stopwatch.GetTimestamp();
            Execute(statement);
            steps.Add(statement.Split(' ', 7)[5] + " " + Stopwatch.GetElapsedTime(step).TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture));
        }
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using (var command = _duck.CreateCommand())
        {
            command.CommandText = DuckDbSql.Figures;
            using var rows = command.ExecuteReader();
            while (rows.Read())
            {
                if (!rows.IsDBNull(3))
                {
                    var field = rows.GetString(2);
                    figures[rows.GetString(0) + " " + rows.GetString(1) + " " + field] = Rounded(field, rows.GetDouble(3));
                }
            }
        }
        Console.Error.WriteLine("  DuckDB steps (ms): " + string.Join(", ", steps) + $", figures {watch.Elapsed.TotalMilliseconds:F0} in all");
        return (watch.Elapsed.TotalMilliseconds, figures);
    }

    /// <summary>The service's figures under the same names, from its internal views.</summary>
    public static Dictionary<string, decimal> Figures(IEnumerable<SectorView> views)
    {
        var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var view in views)
        {
            void Put(string subject, string field, decimal? value)
            {
                if (value is { } v)
                {
                    figures[view.InstitutionType + " " + subject + " " + field] = v;
                }
            }
            Put("*", "included", view.Included);
            foreach (var q in view.Questions)
            {
                Put(q.Key, "answered", q.Answered);
                Put(q.Key, "not_applicable", q.NotApplicable);
                (string Field, decimal? Value)[] summary = [("mean", q.Mean), ("median", q.Median), ("q1", q.Q1), ("q3", q.Q3), ("min", q.Min), ("max", q.Max)];
                foreach (var (field, value) in summary)
                {
                    Put(q.Key, field, value);
                }
                Put(q.Key, "meets", q.MeetsNorm?.Count);
                Put(q.Key, "meets_pct", q.MeetsNorm?.Percent);
                foreach (var option in q.Distribution ?? [])
                {
                    Put(q.Key, "dist:" + option.Option, option.Count);
                    Put(q.Key, "dist_pct:" + option.Option, option.Percent);
                }
                foreach (var cell in q.Cells ?? [])
                {
                    Put(q.Key, $"cell:{cell.Row}:{cell.Column}", cell.Sum);
                    Put(q.Key, $"cell_contributors:{cell.Row}:{cell.Column}", cell.Contributors);
                }
                foreach (var row in q.RowTotals ?? [])
                {
                    Put(q.Key, "row:" + row.Row, row.Sum);
                    Put(q.Key, "row_contributors:" + row.Row, row.Contributors);
                }
                foreach (var column in q.ColumnTotals ?? [])
                {
                    Put(q.Key, "column:" + column.Column, column.Sum);
                    Put(q.Key, "column_contributors:" + column.Column, column.Contributors);
                }
                Put(q.Key, "total", q.Total?.Sum);
                Put(q.Key, "total_contributors", q.Total?.Contributors);
            }
            foreach (var t in view.Themes)
            {
                var subject = "theme:" + t.Key;
                Put(subject, "n", t.N);
                Put(subject, "mean", t.Mean);
                Put(subject, "median", t.Median);
                Put(subject, "q1", t.Q1);
                Put(subject, "q3", t.Q3);
                Put(subject, "meets", t.MeetsNorm?.Count);
                Put(subject, "meets_pct", t.MeetsNorm?.Percent);
            }
        }
        return figures;
    }

    /// <summary>Every figure missing on one side or different; empty when the service and DuckDB agree.</summary>
    public static List<string> Differences(Dictionary<string, decimal> service, Dictionary<string, decimal> duck)
    {
        var differences = new List<string>();
        foreach (var (name, value) in service.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!duck.TryGetValue(name, out var expected))
            {
                differences.Add($"{name}: service {value}, DuckDB has none");
            }
            else if (expected != value)
            {
                differences.Add($"{name}: service {value}, DuckDB {expected}");
            }
        }
        differences.AddRange(duck.Keys.Where(k => !service.ContainsKey(k)).Order(StringComparer.Ordinal)
            .Select(k => $"{k}: DuckDB {duck[k]}, service has none"));
        return differences;
    }

    public void Dispose() => _duck.Dispose();

    /// <summary>
    /// One stored answer as typed columns (parsed here, untimed, so the timed SQL sees what a column store would hold):
    /// its JSON kind, the string or the number, the scalar text a visibleWhen condition compares with (as
    /// <see cref="Visibility.ScalarText"/> gives it), a multi-choice answer's string items and a grid answer's cells
    /// (a cell that is not a non-negative whole number has a null count, as the service skips it).
    /// </summary>
    private static void AppendTyped(DuckDBAppender answers, DuckDBAppender items, DuckDBAppender grid, string sector, string pid, string key, string json)
    {
        using var document = JsonDocument.Parse(json);
        var value = document.RootElement;
        string? kind = value.ValueKind switch
        {
            JsonValueKind.String => "VARCHAR",
            JsonValueKind.Array => "ARRAY",
            JsonValueKind.Object => "OBJECT",
            _ => null,
        };
        answers.CreateRow().AppendValue(sector).AppendValue(pid).AppendValue(key).AppendValue(kind)
            .AppendValue(value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            .AppendValue(Visibility.ScalarText(value))
            .AppendValue(value.ValueKind == JsonValueKind.Number ? value.GetDouble() : (double?)null).EndRow();
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String))
            {
                items.CreateRow().AppendValue(sector).AppendValue(pid).AppendValue(key).AppendValue(item.GetString()).EndRow();
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var row in value.EnumerateObject().Where(r => r.Value.ValueKind == JsonValueKind.Object))
            {
                foreach (var cell in row.Value.EnumerateObject())
                {
                    long? count = cell.Value.ValueKind == JsonValueKind.Number && cell.Value.TryGetDecimal(out var d)
                        && d >= 0m && d == decimal.Truncate(d) && d <= long.MaxValue ? (long)d : null;
                    grid.CreateRow().AppendValue(sector).AppendValue(pid).AppendValue(key).AppendValue(row.Name).AppendValue(cell.Name)
                        .AppendValue(count).EndRow();
                }
            }
        }
    }

    /// <summary>
    /// The service's published precision: statistics to 2 decimals, percentages to 1, a midpoint away from zero.
    /// The double goes through decimal first (15 significant digits), so 2.345 stored as 2.34499… still rounds up.
    /// </summary>
    private static decimal Rounded(string field, double value)
    {
        var exact = (decimal)value;
        return field switch
        {
            "mean" or "median" or "q1" or "q3" => Math.Round(exact, 2, MidpointRounding.AwayFromZero),
            _ when field.Contains("pct", StringComparison.Ordinal) => Math.Round(exact, 1, MidpointRounding.AwayFromZero),
            _ => exact,
        };
    }

    private void Execute(string sql)
    {
        using var command = _duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void LoadQuestionnaire(Questionnaire questionnaire)
    {
        using (var questions = _duck.CreateAppender("questions"))
        using (var conds = _duck.CreateAppender("conds"))
        using (var options = _duck.CreateAppender("options"))
        using (var cells = _duck.CreateAppender("cells"))
        using (var themes = _duck.CreateAppender("themes"))
        {
            foreach (var theme in questionnaire.Themes)
            {
                themes.CreateRow().AppendValue(theme.Key).AppendValue(theme.EffectiveNorm is { } norm ? (double?)(double)norm : null).EndRow();
                foreach (var q in theme.Questions)
                {
                    questions.CreateRow().AppendValue(q.Key).AppendValue(q.Type.ToWireName()).AppendValue(theme.Key)
                        .AppendValue(q.AllowNotApplicable).AppendValue(q.Norm?.AtLeast is { } atLeast ? (double?)(double)atLeast : null)
                        .AppendValue(q.Norm?.Values is not null).EndRow();
                    // A visibleWhen chain, flattened: a question is visible when every condition up the chain holds.
                    for (var current = q; current.VisibleWhen is { } condition; current = questionnaire.FindQuestion(condition.Question)!)
                    {
                        conds.CreateRow().AppendValue(q.Key).AppendValue(condition.Question).AppendValue(condition.EqualsValue).EndRow();
                    }
                    IEnumerable<string> keys = q.Type switch
                    {
                        QuestionType.Maturity => Enumerable.Range(Question.MaturityMin, Question.MaturityMax - Question.MaturityMin + 1)
                            .Select(l => l.ToString(CultureInfo.InvariantCulture)),
                        QuestionType.YesNo => ["yes", "no"],
                        _ => q.Options.Select(o => o.Key),
                    };
                    foreach (var key in keys)
                    {
                        options.CreateRow().AppendValue(q.Key).AppendValue(key).AppendValue(q.Norm?.Values?.Contains(key) == true).EndRow();
                    }
                    foreach (var row in q.Rows)
                    {
                        foreach (var column in q.Columns)
                        {
                            cells.CreateRow().AppendValue(q.Key).AppendValue(row.Key).AppendValue(column.Key).EndRow();
                        }
                    }
                }
            }
        }
    }
}
