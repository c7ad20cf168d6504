using Audit.Core.Institutions.Imports;

namespace Audit.Application.Institutions;

/// <summary>
/// An admin imports institutions from CSV (<see cref="InstitutionImport.Header"/>), matched by id: a dry run reports
/// per line what would happen; a real one writes every change in one transaction, or nothing when a line has an error.
/// </summary>
public sealed class ImportInstitutions(IInstitutionDirectory directory, TimeProvider clock)
{
    public async Task<Outcome<ImportResult>> ExecuteAsync(Caller caller, ReadOnlyMemory<byte> csv, bool dryRun, CancellationToken cancellationToken)
    {
        if ((Permission.AdminOnly(caller) ?? ImportRun.CheckSize(csv)) is { } refused)
        {
            return refused;
        }
        var registry = (await directory.AllAsync(cancellationToken)).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var (report, changes) = InstitutionImport.Plan(CsvText.Read(csv.Span), registry);
        return await ImportRun.FinishAsync(report, dryRun, changes.Count, async () =>
        {
            var now = clock.GetUtcNow();
            var actor = caller.ToActor();
            var audits = changes.Select(c => c.Current is null
                ? actor.Did("institution.created", "institution", c.Imported.Id, now, $"import line {c.Line}: {c.Imported.Name} ({c.Imported.Type.ToWireName()})")
                : actor.Did("institution.updated", "institution", c.Imported.Id, now, $"import line {c.Line}: {c.Current.Name} → {c.Imported.Name}")).ToList();
            var written = await directory.ApplyInstitutionsAsync(
                changes.Where(c => c.Current is null).Select(c => c.Imported).ToList(),
                changes.Where(c => c.Current is not null).Select(c => c.Imported).ToList(), audits, now, cancellationToken);
            return written ? report : null;
        });
    }
}
