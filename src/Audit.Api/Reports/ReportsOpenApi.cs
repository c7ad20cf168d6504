using System.Text.Json.Nodes;
using Audit.Reports.Exports;
using Audit.Reports.Localization;
using Microsoft.OpenApi;

namespace Audit.Api.Reports;

/// <summary>
/// OpenAPI for the report and export endpoints: which media types the 200 carries (HTML or PDF by <c>Accept</c>,
/// CSV, XLSX), that the binary ones are binary, and what <c>lang</c> and <c>separator</c> accept.
/// </summary>
internal static class ReportsOpenApi
{
    private const string ReportDescription =
        "Self-contained HTML (inline CSS and SVG charts, print CSS for A4) by default, or a PDF printed by headless Chromium " +
        "with `Accept: application/pdf` or `?format=pdf` (the form for plain links; `format` wins over `Accept`). A file the render job stored for the report's current fingerprint is served as stored " +
        "(the same bytes on every download); otherwise the report is rendered now. A PDF request on a server without Chromium " +
        "answers 501, naming the setting `Reports:ChromiumPath`. When more PDFs are being printed and waiting than " +
        "`Reports:MaxConcurrentPdf` and `Reports:MaxQueuedPdf` allow, a PDF request answers 503 with `Retry-After`.";

    public static RouteHandlerBuilder DocumentedAsReport(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(string), "text/html", ReportFormats.PdfContentType)
            .ProducesProblem(StatusCodes.Status501NotImplemented)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithDescription(ReportDescription)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                Binary(operation, ReportFormats.PdfContentType);
                Describe(operation, "lang", $"The report's language: {string.Join(" or ", ReportLanguages.All.Select(l => l.Code()))} (default).",
                    [.. ReportLanguages.All.Select(l => l.Code())]);
                Describe(operation, "format", "html or pdf; when absent, the Accept header decides.", ["html", "pdf"]);
                Describe501(operation);
                return Task.CompletedTask;
            });

    public static RouteHandlerBuilder DocumentedAsCsv(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(string), "text/csv")
            .WithDescription(ReportExports.CsvDescription)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                Describe(operation, "separator", "The field separator: semicolon (default) or comma.", ["semicolon", "comma"]);
                return Task.CompletedTask;
            });

    public static RouteHandlerBuilder DocumentedAsWorkbook(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(string), AnswersXlsx.ContentType)
            .WithDescription("The round's answers for the bureau: one sheet per theme (one row per institution, one column per question), " +
                "a Codebook sheet and a Metadata sheet. It names institutions; every download is on the audit trail.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                Binary(operation, AnswersXlsx.ContentType);
                return Task.CompletedTask;
            });

    /// <summary>An analysis zip (round or trend): binary, with <c>include</c> described.</summary>
    public static RouteHandlerBuilder DocumentedAsAnalysisZip(this RouteHandlerBuilder endpoint, string description) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(string), Audit.Reports.Exports.Analysis.AnalysisZip.ContentType)
            .WithDescription(description)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                Binary(operation, Audit.Reports.Exports.Analysis.AnalysisZip.ContentType);
                Describe(operation, "include", "Absent: the accepted participations only. `submitted`: the submitted ones (not reviewed yet) too.",
                    [Application.Reports.ExportAnalysisData.IncludeSubmitted]);
                if (operation.Parameters?.FirstOrDefault(p => p.Name == "rounds") is OpenApiParameter rounds)
                {
                    rounds.Description = "Two or more round ids, comma-separated, e.g. `2023-universiteiten,2025-universiteiten`.";
                    rounds.Required = true;
                }
                return Task.CompletedTask;
            });

    private static void Binary(OpenApiOperation operation, string mediaType)
    {
        if (operation.Responses?.TryGetValue("200", out var response) == true && response.Content?.TryGetValue(mediaType, out var content) == true)
        {
            content.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        }
    }

    private static void Describe(OpenApiOperation operation, string name, string description, IReadOnlyList<string> values)
    {
        if (operation.Parameters?.FirstOrDefault(p => p.Name == name) is OpenApiParameter parameter)
        {
            parameter.Description = description;
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };
        }
    }

    private static void Describe501(OpenApiOperation operation)
    {
        if (operation.Responses?.TryGetValue("501", out var response) == true && response is OpenApiResponse concrete)
        {
            concrete.Description = "PDF was asked for, but no Chromium is configured (setting Reports:ChromiumPath).";
        }
    }
}
