using Audit.Core.Institutions.Imports;

namespace Audit.Application.Institutions;

/// <summary>What an import did or, on a dry run, would do. <see cref="Applied"/> is true when it wrote.</summary>
public sealed record ImportResult(ImportReport Report, bool DryRun, bool Applied);

public static class ImportLimits
{
    /// <summary>A registry of a few hundred institutions or a few thousand contacts is far smaller.</summary>
    public const int MaxBytes = 1_000_000;
}

/// <summary>The steps both imports share: the size check, and all or nothing once the lines are planned.</summary>
public static class ImportRun
{
    /// <summary>The key of the failure's extension that holds the whole <see cref="ImportReport"/>.</summary>
    public const string ReportExtension = "report";

    internal static Failure? CheckSize(ReadOnlyMemory<byte> csv) =>
        csv.Length > ImportLimits.MaxBytes ? new Failure.TooLarge($"An import file may be at most {ImportLimits.MaxBytes} bytes.") : null;

    /// <summary>
    /// A real import of a file with an error writes nothing and fails with every line's errors (keyed "line N"), the
    /// report in <see cref="ReportExtension"/>. A dry run, or a file that changes nothing, only reports.
    /// </summary>
    internal static async Task<Outcome<ImportResult>> FinishAsync(
        ImportReport report, bool dryRun, int changes, Func<Task<ImportReport?>> apply)
    {
        if (report.HasErrors && !dryRun)
        {
            var errors = report.Lines.Where(l => l.Outcome == ImportOutcome.Error)
                .ToDictionary(l => $"line {l.Line}", l => l.Errors.ToArray(), StringComparer.Ordinal);
            return new Failure.Invalid(errors, $"Nothing was imported: {errors.Count} line(s) have errors.")
            {
                Extensions = new Dictionary<string, object?> { [ReportExtension] = report },
            };
        }
        if (dryRun || changes == 0)
        {
            return new ImportResult(report, dryRun, Applied: false);
        }
        return await apply() is { } applied
            ? new ImportResult(applied, dryRun, Applied: true)
            : new Failure.Conflict("The registry changed while importing, so nothing was imported. Run the import again.");
    }
}
