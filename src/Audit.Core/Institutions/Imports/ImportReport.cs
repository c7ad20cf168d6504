namespace Audit.Core.Institutions.Imports;

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
    Error,
}

public static class ImportOutcomes
{
    public static string ToWireName(this ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Created => "created",
        ImportOutcome.Updated => "updated",
        ImportOutcome.Unchanged => "unchanged",
        ImportOutcome.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}

/// <summary>
/// What importing one line does (or would do): <see cref="Id"/> is the institution or contact it is about, when known;
/// <see cref="About"/> says in words who or what the line is (a new contact has no id yet), so a dry run can be checked.
/// </summary>
public sealed record ImportLine(int Line, ImportOutcome Outcome, string? Id, IReadOnlyList<string> Errors, string? About = null);

/// <summary>Every line's outcome with the totals. A report with an error is never applied: an import is all or nothing.</summary>
public sealed record ImportReport(IReadOnlyList<ImportLine> Lines)
{
    public int Created => Count(ImportOutcome.Created);
    public int Updated => Count(ImportOutcome.Updated);
    public int Unchanged => Count(ImportOutcome.Unchanged);
    public int Errors => Count(ImportOutcome.Error);
    public bool HasErrors => Errors > 0;

    private int Count(ImportOutcome outcome) => Lines.Count(l => l.Outcome == outcome);

    /// <summary>The report of a file whose header is wrong: one error on line 1, nothing else can be read.</summary>
    public static ImportReport HeaderError(string error) => new([new ImportLine(1, ImportOutcome.Error, null, [error])]);

    /// <summary>Checks the header names exactly these columns (any order, any case); null when it does.</summary>
    public static string? CheckColumns(IReadOnlyList<string> columns, IReadOnlyList<string> expected, string display)
    {
        var missing = expected.Where(e => !columns.Contains(e, StringComparer.Ordinal)).ToList();
        var unknown = columns.Where(c => !expected.Contains(c, StringComparer.Ordinal)).ToList();
        var doubled = columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count == 0 && unknown.Count == 0 && doubled.Count == 0)
        {
            return null;
        }
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add("missing " + string.Join(", ", missing));
        if (unknown.Count > 0) parts.Add("unknown " + string.Join(", ", unknown.Select(u => $"'{u}'")));
        if (doubled.Count > 0) parts.Add("repeated " + string.Join(", ", doubled));
        return $"the header must name the columns {display}: {string.Join("; ", parts)}";
    }
}
