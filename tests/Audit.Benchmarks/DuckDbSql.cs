namespace Audit.Benchmarks;

/// <summary>
/// The sector view's statistics as DuckDB SQL, written from the definitions in src/Audit.Core/Statistics rather than
/// from its code: visibility (visibleWhen chains), answered and not-applicable counts, mean, type 7 quartiles
/// (<c>quantile_cont</c>), extremes, distributions, norms, multi-choice shares, grid sums and contributors, and theme
/// scores. Every row is (sector, subject, field, value); <see cref="DuckDbReference"/> compares them with the service.
/// </summary>
internal static class DuckDbSql
{
    /// <summary>
    /// Tables the untimed load fills: the included answers as typed values (jt: the JSON kind, VARCHAR / ARRAY / OBJECT
    /// or null for a scalar; s: a string's value; sv: the scalar text visibleWhen compares; x: a number), a multi-choice
    /// answer's string items, a grid answer's cells (n null when not a non-negative whole number), and the questionnaire.
    /// </summary>
    public const string Schema = """
        CREATE TABLE parts(sector VARCHAR, pid VARCHAR);
        CREATE TABLE answers(sector VARCHAR, pid VARCHAR, qkey VARCHAR, jt VARCHAR, s VARCHAR, sv VARCHAR, x DOUBLE);
        CREATE TABLE items(sector VARCHAR, pid VARCHAR, qkey VARCHAR, item VARCHAR);
        CREATE TABLE gcells(sector VARCHAR, pid VARCHAR, qkey VARCHAR, r VARCHAR, c VARCHAR, n BIGINT);
        CREATE TABLE questions(qkey VARCHAR, qtype VARCHAR, theme VARCHAR, allow_na BOOLEAN, norm_at_least DOUBLE, norm_values BOOLEAN);
        CREATE TABLE conds(qkey VARCHAR, cond_q VARCHAR, eq VARCHAR);
        CREATE TABLE options(qkey VARCHAR, opt VARCHAR, meets BOOLEAN);
        CREATE TABLE cells(qkey VARCHAR, r VARCHAR, c VARCHAR);
        CREATE TABLE themes(theme VARCHAR, norm DOUBLE);
        """;

    /// <summary>The timed part: from the loaded answers to every statistic.</summary>
    public const string Prepare = """
        CREATE OR REPLACE TEMP TABLE hidden AS
          SELECT p.sector, p.pid, c.qkey FROM parts p CROSS JOIN conds c
          LEFT JOIN answers b ON b.sector = p.sector AND b.pid = p.pid AND b.qkey = c.cond_q
          WHERE b.sv IS DISTINCT FROM c.eq;
        CREATE OR REPLACE TEMP TABLE acc AS
          WITH visible AS (
            SELECT a.sector, a.pid, a.qkey, a.jt, a.s, a.x FROM answers a
            ANTI JOIN hidden h ON h.sector = a.sector AND h.pid = a.pid AND h.qkey = a.qkey),
          typed AS (
            SELECT a.sector, a.pid, a.qkey, a.jt, a.s, a.x, q.qtype, q.theme, q.norm_at_least,
              coalesce(a.s = 'not_applicable' AND (q.qtype <> 'text' OR q.allow_na), false) AS na
            FROM visible a JOIN questions q USING (qkey))
          SELECT t.*, CASE
              WHEN t.na THEN false
              WHEN t.qtype = 'maturity' THEN coalesce(t.x = floor(t.x) AND t.x BETWEEN 0 AND 5, false)
              WHEN t.qtype = 'number' THEN t.x IS NOT NULL
              WHEN t.qtype IN ('yes_no', 'single_choice') THEN o.opt IS NOT NULL
              WHEN t.qtype = 'multi_choice' THEN t.jt = 'ARRAY'
              WHEN t.qtype = 'grid' THEN t.jt = 'OBJECT'
              ELSE coalesce(t.s <> '', false) END AS ok,
            CASE WHEN t.qtype = 'maturity' THEN CAST(CAST(t.x AS INTEGER) AS VARCHAR) ELSE o.opt END AS label
          -- Only yes_no and single_choice answers are strings that can equal an option (maturity and number answers are
          -- numbers, multi_choice arrays, grid objects, text has no options): a plain equi-join, no filter in ON.
          FROM typed t LEFT JOIN options o ON o.qkey = t.qkey AND o.opt = t.s;
        CREATE OR REPLACE TEMP TABLE counts AS
          SELECT s.sector, q.qkey, q.qtype, q.norm_at_least, q.norm_values,
            coalesce(a.answered, 0) AS answered, coalesce(a.nas, 0) AS nas, coalesce(a.meets, 0) AS meets
          FROM (SELECT DISTINCT sector FROM parts) s CROSS JOIN questions q
          LEFT JOIN (SELECT sector, qkey, count(*) FILTER (ok) AS answered, count(*) FILTER (na) AS nas,
                       count(*) FILTER (ok AND x >= norm_at_least) AS meets
                     FROM acc GROUP BY sector, qkey) a ON a.sector = s.sector AND a.qkey = q.qkey;
        CREATE OR REPLACE TEMP TABLE dist AS
          SELECT c.sector, c.qkey, o.opt, o.meets, c.answered, coalesce(a.n, 0) AS n
          FROM counts c JOIN options o ON o.qkey = c.qkey
          LEFT JOIN (SELECT sector, qkey, label, count(*) AS n FROM acc WHERE ok AND qtype IN ('maturity', 'yes_no', 'single_choice')
                     GROUP BY ALL) a ON a.sector = c.sector AND a.qkey = c.qkey AND a.label = o.opt
          WHERE c.qtype IN ('maturity', 'yes_no', 'single_choice');
        CREATE OR REPLACE TEMP TABLE multi AS
          WITH chosen AS (
            SELECT i.sector, i.qkey, i.item, count(DISTINCT i.pid) AS n FROM items i
              SEMI JOIN acc a ON a.sector = i.sector AND a.pid = i.pid AND a.qkey = i.qkey AND a.qtype = 'multi_choice' AND a.ok
              GROUP BY ALL)
          SELECT c.sector, c.qkey, o.opt, c.answered, coalesce(ch.n, 0) AS n
          FROM counts c JOIN options o ON o.qkey = c.qkey
          LEFT JOIN chosen ch ON ch.sector = c.sector AND ch.qkey = c.qkey AND ch.item = o.opt
          WHERE c.qtype = 'multi_choice';
        CREATE OR REPLACE TEMP TABLE grid AS
          SELECT a.sector, a.pid, a.qkey, g.r, g.c, coalesce(y.n, 0) AS n
          FROM acc a JOIN cells g ON g.qkey = a.qkey
          LEFT JOIN gcells y ON y.sector = a.sector AND y.pid = a.pid AND y.qkey = a.qkey AND y.r = g.r AND y.c = g.c
          WHERE a.qtype = 'grid' AND a.ok;
        CREATE OR REPLACE TEMP TABLE scores AS
          SELECT sector, pid, theme, sum(x) AS level_sum, count(*) AS cnt FROM acc
          WHERE qtype = 'maturity' AND ok GROUP BY ALL;
        """;

    /// <summary>Every figure as (sector, subject, field, value); nulls are left out, as the service leaves them null.</summary>
    public const string Figures = """
        SELECT sector, '*', 'included', count(*)::DOUBLE FROM parts GROUP BY sector
        UNION ALL SELECT sector, qkey, 'answered', answered::DOUBLE FROM counts
        UNION ALL SELECT sector, qkey, 'not_applicable', nas::DOUBLE FROM counts
        UNION ALL SELECT sector, qkey, 'meets', meets::DOUBLE FROM counts WHERE norm_at_least IS NOT NULL
        UNION ALL SELECT sector, qkey, 'meets_pct', 100.0 * meets / answered FROM counts WHERE norm_at_least IS NOT NULL AND answered > 0
        UNION ALL SELECT sector, qkey, f.field, f.value FROM (
          SELECT sector, qkey, avg(x) AS mean, quantile_cont(x, 0.5) AS median, quantile_cont(x, 0.25) AS q1,
            quantile_cont(x, 0.75) AS q3, min(x) AS mn, max(x) AS mx
          FROM acc WHERE ok AND qtype IN ('maturity', 'number') GROUP BY sector, qkey) s,
          LATERAL (VALUES ('mean', s.mean), ('median', s.median), ('q1', s.q1), ('q3', s.q3), ('min', s.mn), ('max', s.mx)) f(field, value)
        UNION ALL SELECT sector, qkey, 'dist:' || opt, n::DOUBLE FROM dist
        UNION ALL SELECT sector, qkey, 'dist_pct:' || opt, 100.0 * n / answered FROM dist WHERE answered > 0
        UNION ALL SELECT d.sector, d.qkey, 'meets', sum(CASE WHEN d.meets THEN d.n ELSE 0 END)::DOUBLE FROM dist d
          JOIN counts c ON c.sector = d.sector AND c.qkey = d.qkey WHERE c.norm_values GROUP BY d.sector, d.qkey
        UNION ALL SELECT d.sector, d.qkey, 'meets_pct', 100.0 * sum(CASE WHEN d.meets THEN d.n ELSE 0 END) / any_value(d.answered) FROM dist d
          JOIN counts c ON c.sector = d.sector AND c.qkey = d.qkey WHERE c.norm_values AND c.answered > 0 GROUP BY d.sector, d.qkey
        UNION ALL SELECT sector, qkey, 'dist:' || opt, n::DOUBLE FROM multi
        UNION ALL SELECT sector, qkey, 'dist_pct:' || opt, 100.0 * n / answered FROM multi WHERE answered > 0
        UNION ALL SELECT sector, qkey, 'cell:' || r || ':' || c, sum(n)::DOUBLE FROM grid GROUP BY ALL
        UNION ALL SELECT sector, qkey, 'cell_contributors:' || r || ':' || c, count(*) FILTER (n > 0)::DOUBLE FROM grid GROUP BY ALL
        UNION ALL SELECT sector, qkey, 'row:' || r, sum(t)::DOUBLE FROM (SELECT sector, pid, qkey, r, sum(n) AS t FROM grid GROUP BY ALL) GROUP BY ALL
        UNION ALL SELECT sector, qkey, 'row_contributors:' || r, count(*) FILTER (t > 0)::DOUBLE FROM (SELECT sector, pid, qkey, r, sum(n) AS t FROM grid GROUP BY ALL) GROUP BY ALL
        UNION ALL SELECT sector, qkey, 'column:' || c, sum(t)::DOUBLE FROM (SELECT sector, pid, qkey, c, sum(n) AS t FROM grid GROUP BY ALL) GROUP BY ALL
        UNION ALL SELECT sector, qkey, 'column_contributors:' || c, count(*) FILTER (t > 0)::DOUBLE FROM (SELECT sector, pid, qkey, c, sum(n) AS t FROM grid GROUP BY ALL) GROUP BY ALL
        UNION ALL SELECT sector, qkey, 'total', sum(t)::DOUBLE FROM (SELECT sector, pid, qkey, sum(n) AS t FROM grid GROUP BY ALL) GROUP BY ALL
        UNION ALL SELECT sector, qkey, 'total_contributors', count(*) FILTER (t > 0)::DOUBLE FROM (SELECT sector, pid, qkey, sum(n) AS t FROM grid GROUP BY ALL) GROUP BY ALL
        UNION ALL SELECT s.sector, 'theme:' || t.theme, f.field, f.value FROM (SELECT DISTINCT sector FROM parts) s CROSS JOIN themes t
          LEFT JOIN (SELECT sector, theme, count(*) AS n, avg(level_sum / cnt) AS mean, quantile_cont(level_sum / cnt, 0.5) AS median,
                       quantile_cont(level_sum / cnt, 0.25) AS q1, quantile_cont(level_sum / cnt, 0.75) AS q3,
                       count(*) FILTER (level_sum >= th.norm * cnt) AS meets
                     FROM scores JOIN themes th USING (theme) GROUP BY ALL) x ON x.sector = s.sector AND x.theme = t.theme,
          LATERAL (VALUES ('n', coalesce(x.n, 0)::DOUBLE), ('mean', x.mean), ('median', x.median), ('q1', x.q1), ('q3', x.q3),
                          ('meets', CASE WHEN t.norm IS NOT NULL THEN coalesce(x.meets, 0)::DOUBLE END),
                          ('meets_pct', CASE WHEN t.norm IS NOT NULL AND x.n > 0 THEN 100.0 * x.meets / x.n END)) f(field, value)
        """;
}
