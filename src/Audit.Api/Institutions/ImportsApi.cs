using Audit.Application.Institutions;
using Audit.Core.Institutions.Imports;

namespace Audit.Api.Institutions;

/// <summary>
/// CSV imports of institutions (admins) and contact persons (the bureau). The body is the file itself (text/csv,
/// UTF-8, ';' or ','); <c>dryRun</c> is true unless it is set to false. The answer lists every line's outcome and
/// the totals; a real import of a file with an error writes nothing and answers 400 with the same lines.
/// </summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapInstitutionImports(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Institutions").RequireAuthorization(Policies.Admin)
            .MapPost("/institution-imports", ImportInstitutionsAsync).WithName("ImportInstitutions")
            .WithSummary("Import institutions from CSV (id;name;type;brin;city), matched by id")
            .Accepts<string>("text/csv").ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        routes.MapGroup("/api/v1").WithTags("Institutions").RequireAuthorization(Policies.Bureau)
            .MapPost("/contact-imports", ImportContactsAsync).WithName("ImportContacts")
            .WithSummary("Import contact persons from CSV (institutionId;name;email), matched by e-mail within the institution")
            .Accepts<string>("text/csv").ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return routes;
    }

    public sealed record ImportLineResponse(int Line, string Outcome, string? Id, IReadOnlyList<string> Errors, string? About);

    public sealed record ImportTotals(int Created, int Updated, int Unchanged, int Errors);

    public sealed record ImportResponse(bool DryRun, bool Applied, ImportTotals Totals, IReadOnlyList<ImportLineResponse> Lines);

    public static Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> ImportInstitutionsAsync(
        HttpRequest request, ClaimsPrincipal principal, ImportInstitutions import, CancellationToken cancellationToken, bool dryRun = true) =>
        RunAsync(request, (csv, ct) => import.ExecuteAsync(principal.ToCaller(), csv, dryRun, ct), cancellationToken);

    public static Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> ImportContactsAsync(
        HttpRequest request, ClaimsPrincipal principal, ImportContacts import, CancellationToken cancellationToken, bool dryRun = true) =>
        RunAsync(request, (csv, ct) => import.ExecuteAsync(principal.ToCaller(), csv, dryRun, ct), cancellationToken);

    public static ImportTotals TotalsOf(ImportReport report) => new(report.Created, report.Updated, report.Unchanged, report.Errors);

    public static IReadOnlyList<ImportLineResponse> LinesOf(ImportReport report) =>
        report.Lines.Select(l => new ImportLineResponse(l.Line, l.Outcome.ToWireName(), l.Id, l.Errors, l.About)).ToList();

    private static async Task<Results<Ok<ImportResponse>, ValidationProblem, ProblemHttpResult>> RunAsync(
        HttpRequest request, Func<ReadOnlyMemory<byte>, CancellationToken, Task<Outcome<ImportResult>>> run, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("text/csv" or "text/plain"))
        {
            return ApiProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the file as text/csv (UTF-8).");
        }
        var csv = await ReadBodyAsync(request, cancellationToken);
        var outcome = await run(csv, cancellationToken);
        if (outcome.TryGetValue(out var result, out var failure))
        {
            return TypedResults.Ok(new ImportResponse(result.DryRun, result.Applied, TotalsOf(result.Report), LinesOf(result.Report)));
        }
        if (failure is Failure.Invalid invalid && invalid.Extensions?.GetValueOrDefault(ImportRun.ReportExtension) is ImportReport report)
        {
            return TypedResults.ValidationProblem(invalid.Errors.ToDictionary(), invalid.Detail, title: "One or more lines are invalid",
                extensions: new Dictionary<string, object?> { ["totals"] = TotalsOf(report), ["lines"] = LinesOf(report) });
        }
        return OutcomeProblems.Problem(failure);
    }

    /// <summary>The body, but never more than one byte over the import limit: the use case refuses what is too large.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const int limit = ImportLimits.MaxBytes + 1;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, (int)Math.Min(read, limit - buffer.Length));
        }
        return buffer.ToArray();
    }
}
