namespace Audit.Core.Institutions.Imports;

/// <summary>An institution the import writes: <see cref="Current"/> is null for a new one.</summary>
public sealed record InstitutionImportChange(int Line, Institution Imported, Institution? Current);

/// <summary>
/// Plans an institution import (columns <see cref="Header"/>): per line created, updated or unchanged, matched by id
/// against the registry, or every error of the line. Active is not a column: an import never reactivates or deactivates.
/// </summary>
public static class InstitutionImport
{
    public const string Header = "id;name;type;brin;city";

    private static readonly string[] Columns = Header.Split(';');

    public static (ImportReport Report, IReadOnlyList<InstitutionImportChange> Changes) Plan(
        CsvFile file, IReadOnlyDictionary<string, Institution> registry)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(registry);
        if ((file.HeaderError ?? ImportReport.CheckColumns(file.Columns, Columns, Header)) is { } headerError)
        {
            return (ImportReport.HeaderError(headerError), []);
        }
        var lines = new List<ImportLine>();
        var changes = new List<InstitutionImportChange>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstLineOfBrin = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in file.Lines)
        {
            if (line.Error is { } error)
            {
                lines.Add(new ImportLine(line.Line, ImportOutcome.Error, null, [error]));
                continue;
            }
            string Value(string column) => line.Values[file.Columns.ToList().IndexOf(column)];
            var id = Value("id");
            var current = registry.GetValueOrDefault(id);
            var draft = new InstitutionDraft(id, Value("name"), Value("type"), Value("city"), Value("brin"), current?.Active ?? true);
            var errors = InstitutionRules.Validate(draft).Select(e => e.ToString()).ToList();
            if (id.Length > 0 && !firstLineOfId.TryAdd(id, line.Line))
            {
                errors.Add($"id: '{id}' is also on line {firstLineOfId[id]}");
            }
            var brin = Value("brin");
            if (brin.Length > 0)
            {
                if (!firstLineOfBrin.TryAdd(brin, line.Line))
                {
                    errors.Add($"brin: '{brin}' is also on line {firstLineOfBrin[brin]}");
                }
                else if (registry.Values.FirstOrDefault(i => i.Brin == brin && i.Id != id) is { } holder)
                {
                    errors.Add($"brin: '{brin}' belongs to institution '{holder.Id}'");
                }
            }
            if (errors.Count > 0 || !InstitutionRules.TryCreate(draft, out var imported, out _))
            {
                lines.Add(new ImportLine(line.Line, ImportOutcome.Error, id.Length > 0 ? id : null, errors, draft.Name));
                continue;
            }
            var outcome = current is null ? ImportOutcome.Created : current == imported ? ImportOutcome.Unchanged : ImportOutcome.Updated;
            lines.Add(new ImportLine(line.Line, outcome, imported.Id, [], imported.Name));
            if (outcome != ImportOutcome.Unchanged)
            {
                changes.Add(new InstitutionImportChange(line.Line, imported, current));
            }
        }
        return (new ImportReport(lines), changes);
    }
}
