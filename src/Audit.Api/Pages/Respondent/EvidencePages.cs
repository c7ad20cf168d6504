using Audit.Api.Evidence;
using Audit.Application.Evidence;
using Audit.Application.Participations;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// Evidence on the theme page: each question has its own small upload form (a multipart post, outside the answers
/// form) and a remove button per document. The rules are the API's own (<see cref="UploadEvidence"/>, the same size
/// limit and type detection by the bytes; <see cref="RemoveEvidence"/>). A refusal shows the theme page again with the
/// reason at the question; success redirects back to it.
/// </summary>
public static class EvidencePages
{
    /// <summary>The services both forms use.</summary>
    public sealed record Services(OpenParticipation Open, IAntiforgery Antiforgery, EvidenceLimits Limits);

    public static async Task<IResult> UploadAsync(
        string participationId, string questionKey, HttpContext http, ClaimsPrincipal principal, [AsParameters] Services services,
        UploadEvidence upload, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(participationId, questionKey, principal, services, cancellationToken);
        if (!opened.TryGetValue(out var page, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        IResult Refuse(string? evidenceError, string? formError, int status) => Render(page, http, services, questionKey, evidenceError, formError, status);

        var opening = await upload.OpenAsync(principal.ToCaller(), page.View.Id, questionKey, cancellationToken);
        if (!opening.TryGetValue(out var slot, out failure))
        {
            return failure is Failure.Conflict ? Refuse(null, "locked", StatusCodes.Status409Conflict) : RespondentPages.Refused(failure);
        }
        // Read under the evidence limit first: the antiforgery field travels in the same multipart body.
        var (form, unread, _) = await EvidenceUploads.ReadFormAsync(http, slot.MaxBytes, cancellationToken);
        if (form is null)
        {
            return Refuse(ErrorOf(unread!.Value), "evidence", StatusOf(unread.Value));
        }
        if (!await services.Antiforgery.IsRequestValidAsync(http))
        {
            return Refuse(null, "expired", StatusCodes.Status400BadRequest);
        }
        var (document, refusal) = EvidenceUploads.TakeFile(form);
        if (document is null)
        {
            return Refuse(ErrorOf(refusal!.Value), "evidence", StatusOf(refusal.Value));
        }
        var stored = await upload.ExecuteAsync(slot, document, cancellationToken);
        return stored.Failure switch
        {
            null => Results.Redirect(Back(page, questionKey, "evidence_added")),
            Failure.Conflict => Refuse(null, "locked", StatusCodes.Status409Conflict),
            Failure.TooLarge or Failure.Unsupported or Failure.Invalid => Refuse(ErrorOf(stored.Failure), "evidence", OutcomeProblems.StatusOf(stored.Failure)),
            _ => RespondentPages.Refused(stored.Failure),
        };
    }

    public static async Task<IResult> RemoveAsync(
        string participationId, string questionKey, string evidenceId, HttpContext http, ClaimsPrincipal principal, [AsParameters] Services services,
        RemoveEvidence remove, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(participationId, questionKey, principal, services, cancellationToken);
        if (!opened.TryGetValue(out var page, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        if (!http.Request.HasFormContentType || !await services.Antiforgery.IsRequestValidAsync(http))
        {
            return Render(page, http, services, null, null, "expired", StatusCodes.Status400BadRequest);
        }
        var removed = await remove.ExecuteAsync(principal.ToCaller(), page.View.Id, questionKey, evidenceId, cancellationToken);
        return removed.Failure switch
        {
            null => Results.Redirect(Back(page, questionKey, "evidence_removed")),
            Failure.Conflict => Render(page, http, services, null, null, "locked", StatusCodes.Status409Conflict),
            _ => RespondentPages.Refused(removed.Failure),
        };
    }

    /// <summary>The theme page the question's evidence form is on.</summary>
    private static Task<Outcome<ThemePage.Opened>> OpenAsync(
        string participationId, string questionKey, ClaimsPrincipal principal, Services services, CancellationToken cancellationToken) =>
        ThemePage.OpenAsync(services.Open, principal, participationId, q => q.FindThemeOf(questionKey), cancellationToken);

    /// <summary>The theme page again, with the reason of a refused post.</summary>
    private static IResult Render(
        ThemePage.Opened page, HttpContext http, Services services, string? errorQuestion, string? evidenceError, string? formError, int status) =>
        ThemePage.Render(http, page.View, page.Theme, ThemeEntries.Stored(page.View),
            new ThemeViews.EvidenceState(errorQuestion, evidenceError, services.Limits.MaxBytes), null, formError, status);

    private static string Back(ThemePage.Opened page, string questionKey, string status) =>
        RespondentPages.WithStatus(RespondentPages.Theme(page.View.Id, page.Theme.Key), status, ThemeIds.Question(questionKey));

    /// <summary>The message at the question, under <c>t.theme.evidence_errors</c>.</summary>
    private static string ErrorOf(UploadRefusal refusal) => refusal switch
    {
        UploadRefusal.TooLarge => "too_large",
        UploadRefusal.NotOneFile => "no_file",
        _ => "unreadable",
    };

    /// <inheritdoc cref="ErrorOf(UploadRefusal)"/>
    private static string ErrorOf(Failure refused) => refused switch
    {
        Failure.TooLarge => "too_large",
        Failure.Unsupported => "unsupported",
        _ => "empty", // the one invalid document left once a single file arrived: an empty one
    };

    /// <summary>A body that cannot be read is the browser's request gone wrong (400), not an unsupported document.</summary>
    private static int StatusOf(UploadRefusal refusal) =>
        refusal == UploadRefusal.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
}
