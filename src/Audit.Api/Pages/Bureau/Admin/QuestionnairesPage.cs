using Audit.Core.Time;
using System.Text;
using Audit.Api.Evidence;
using Audit.Application.Questionnaires;
using Audit.Reports.Localization;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau.Admin;

/// <summary>
/// <c>/bureau/vragenlijsten</c>: every questionnaire version with the rounds that ask it, and (for admins) a form to upload
/// a new version as a YAML or JSON file. The upload goes through <see cref="UploadQuestionnaire"/>, like
/// <c>POST /api/v1/questionnaires</c>; a refused file comes back on this page with every error, its path and its line.
/// A stored upload redirects (post/redirect/get) to the version's preview with a message.
/// </summary>
public static class QuestionnairesPage
{
    public const string Name = "bureau/questionnaires";
    public const string Path = "/bureau/vragenlijsten";
    public const string FileField = "bestand";
    public const string MessageQuery = "bericht";

    /// <summary>A definition is a few hundred questions at most; this is generous and keeps a stray upload small.</summary>
    public const long MaxBytes = 1024 * 1024;

    public sealed record RoundLink(string Id, string Title, string Href);

    public sealed record VersionRow(
        string Key, string Version, string Title, string Language, DateTimeOffset CreatedAt, string CreatedAtText, string Href, string? CompareHref,
        IReadOnlyList<RoundLink> Rounds);

    public sealed record UploadError(string Path, int? Line, string Message);

    /// <summary><see cref="Problem"/> names a text under <c>t.bureau_admin.questionnaires.problems</c>.</summary>
    public sealed record Model(
        IReadOnlyList<VersionRow> Versions, bool CanUpload, string? Problem, string? Detail, IReadOnlyList<UploadError> Errors, int MaxKiloBytes);

    public static string VersionPath(string key, string version) => $"{Path}/{Uri.EscapeDataString(key)}/{Uri.EscapeDataString(version)}";

    public static async Task<IResult> ShowAsync(HttpContext context, ClaimsPrincipal principal, ReadQuestionnaireUses read, CancellationToken cancellationToken) =>
        await RenderAsync(context, principal, read, null, null, [], StatusCodes.Status200OK, cancellationToken);

    public static async Task<IResult> UploadAsync(
        HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, UploadQuestionnaire upload, ReadQuestionnaireUses read,
        CancellationToken cancellationToken)
    {
        var (form, refusal, _) = await EvidenceUploads.ReadFormAsync(context, MaxBytes, cancellationToken);
        if (form is not null && !await antiforgery.IsRequestValidAsync(context))
        {
            return BureauForms.Refused(context);
        }
        if (form is null)
        {
            // A body too large is refused before its antiforgery field is read; it changes nothing either way.
            return refusal == UploadRefusal.TooLarge
                ? await RenderAsync(context, principal, read, "too_large", null, [], StatusCodes.Status413PayloadTooLarge, cancellationToken)
                : BureauForms.Refused(context);
        }
        if (form.Files.GetFile(FileField) is not { Length: > 0 } file)
        {
            return await RenderAsync(context, principal, read, "no_file", null, [], StatusCodes.Status400BadRequest, cancellationToken);
        }
        if (file.Length > MaxBytes)
        {
            return await RenderAsync(context, principal, read, "too_large", null, [], StatusCodes.Status413PayloadTooLarge, cancellationToken);
        }
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                return await RenderAsync(context, principal, read, "not_utf8", null, [], StatusCodes.Status400BadRequest, cancellationToken);
            }
        }
        var outcome = await upload.ExecuteAsync(principal.ToCaller(), text, IsYaml(file.FileName, text), cancellationToken);
        if (outcome.TryGetValue(out var uploaded, out var failure))
        {
            var stored = uploaded.Questionnaire;
            return Results.Redirect($"{VersionPath(stored.Key, stored.Version)}?{MessageQuery}={(uploaded.Inserted ? "uploaded" : "unchanged")}");
        }
        return failure switch
        {
            Failure.Invalid invalid => await RenderAsync(context, principal, read, "invalid", null, ErrorsOf(invalid), StatusCodes.Status400BadRequest, cancellationToken),
            Failure.Conflict conflict => await RenderAsync(context, principal, read, "conflict", conflict.Detail, [], StatusCodes.Status409Conflict, cancellationToken),
            _ => BureauForms.Failed(failure),
        };
    }

    /// <summary>JSON by its name or its first character; anything else is read as YAML, the format the bureau writes.</summary>
    private static bool IsYaml(string fileName, string text) =>
        !fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{');

    private static List<UploadError> ErrorsOf(Failure.Invalid invalid) =>
        [.. invalid.Errors.SelectMany(e => e.Value.Select(message =>
        {
            var (line, text) = UploadQuestionnaire.SplitLine(message);
            return new UploadError(e.Key, line, text);
        })).OrderBy(e => e.Line ?? 0).ThenBy(e => e.Path, StringComparer.Ordinal)];

    private static async Task<IResult> RenderAsync(
        HttpContext context, ClaimsPrincipal principal, ReadQuestionnaireUses read, string? problem, string? detail, IReadOnlyList<UploadError> errors,
        int status, CancellationToken cancellationToken)
    {
        if (!(await read.ExecuteAsync(principal.ToCaller(), cancellationToken)).TryGetValue(out var uses, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        var language = PageLanguage.Resolve(context);
        var rows = uses.Select(u =>
        {
            var q = u.Questionnaire;
            var earlier = uses.Select(o => o.Questionnaire).Where(o => o.Key == q.Key && o.Version != q.Version).ToList();
            return new VersionRow(q.Key, q.Version, q.Title, q.Language, q.CreatedAt, new ReportFormatter(language).DateTime(q.CreatedAt), VersionPath(q.Key, q.Version),
                earlier.Count > 0 ? QuestionnairePreviewPage.ComparePath(q.Key, q.Version) : null,
                [.. u.Rounds.Select(r => new RoundLink(r.Id, r.Title, BureauPages.RoundPath(r.Id)))]);
        }).ToList();
        var canUpload = principal.GetRole() == Role.Admin;
        return new HtmlPage(Name, new Model(rows, canUpload, problem, detail, errors, (int)(MaxBytes / 1024)), status, hasForm: canUpload);
    }
}
