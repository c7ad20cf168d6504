using System.Security.Claims;
using Audit.Api.Access;
using Audit.Api.Evidence;
using Audit.Api.Participations;
using Audit.Application.Participations;
using Audit.Core.Answers;
using Audit.Core.Evidence;
using Audit.Core.Reviews;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// Evidence on the theme page: each question has its own small upload form (a multipart post, outside the answers
/// form) and a remove button per document. Both reuse what the API does (<see cref="EvidenceUploads"/>, the same size
/// limit and type detection by the bytes; <see cref="EvidenceApi.DeleteAsync"/>). A refusal shows the theme page
/// again with the reason at the question; success redirects back to it.
/// </summary>
public static class EvidencePages
{
    public static async Task<IResult> UploadAsync(
        string participationId, string questionKey, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes, IAnswerRepository answers,
        IReviewRepository reviews, IEvidenceRepository evidence, IEvidenceStore store, IAntiforgery antiforgery, IOptions<EvidenceOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await RespondentView.LoadAsync(participationId, principal, scopes, answers, reviews, cancellationToken) is not { } view
            || view.Scope.Questionnaire.FindThemeOf(questionKey) is not { } theme)
        {
            return Results.NotFound();
        }
        var maxBytes = options.Value.MaxBytes;
        async Task<IResult> RefuseAsync(string? evidenceError, string? formError, int status)
        {
            var documents = await evidence.ListAsync(view.Id, null, cancellationToken);
            return ThemePage.Render(http, view, theme, ThemeEntries.Stored(view),
                new ThemeViews.EvidenceState(documents, questionKey, evidenceError, maxBytes), null, formError, status);
        }

        if (!view.Editable)
        {
            return await RefuseAsync(null, "locked", StatusCodes.Status409Conflict);
        }
        // Read under the evidence limit first: the antiforgery field travels in the same multipart body.
        var (form, unread, _) = await EvidenceUploads.ReadFormAsync(http, maxBytes, cancellationToken);
        if (form is null)
        {
            return await RefuseAsync(ErrorOf(unread!.Value), "evidence", StatusOf(unread.Value));
        }
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return await RefuseAsync(null, "expired", StatusCodes.Status400BadRequest);
        }
        var (file, refusal) = EvidenceUploads.TakeFile(form, maxBytes);
        if (file is null)
        {
            return await RefuseAsync(ErrorOf(refusal!.Value), "evidence", StatusOf(refusal.Value));
        }
        var (result, unsupported) = await EvidenceUploads.StoreAsync(
            view.Id, questionKey, file, principal.ToActor(), evidence, store, clock.GetUtcNow(), cancellationToken);
        if (unsupported is { } kind)
        {
            return await RefuseAsync(ErrorOf(kind), "evidence", StatusOf(kind));
        }
        return result!.Outcome switch
        {
            EvidenceChangeOutcome.Done => Results.Redirect(Back(view, theme.Key, questionKey, "evidence_added")),
            EvidenceChangeOutcome.NotFound => Results.NotFound(),
            _ => await RefuseAsync(null, "locked", StatusCodes.Status409Conflict),
        };
    }

    public static async Task<IResult> RemoveAsync(
        string participationId, string questionKey, string evidenceId, HttpContext http, ClaimsPrincipal principal, ParticipationScopes scopes,
        IAnswerRepository answers, IReviewRepository reviews, IEvidenceRepository evidence, IEvidenceStore store, IAntiforgery antiforgery,
        IOptions<EvidenceOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await RespondentView.LoadAsync(participationId, principal, scopes, answers, reviews, cancellationToken) is not { } view
            || view.Scope.Questionnaire.FindThemeOf(questionKey) is not { } theme)
        {
            return Results.NotFound();
        }
        async Task<IResult> RefuseAsync(string formError, int status)
        {
            var documents = await evidence.ListAsync(view.Id, null, cancellationToken);
            return ThemePage.Render(http, view, theme, ThemeEntries.Stored(view),
                new ThemeViews.EvidenceState(documents, null, null, options.Value.MaxBytes), null, formError, status);
        }

        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return await RefuseAsync("expired", StatusCodes.Status400BadRequest);
        }
        var removed = await EvidenceApi.DeleteAsync(view.Id, questionKey, evidenceId, principal, scopes, evidence, store, clock, cancellationToken);
        return removed.Result switch
        {
            NoContent => Results.Redirect(Back(view, theme.Key, questionKey, "evidence_removed")),
            ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict } => await RefuseAsync("locked", StatusCodes.Status409Conflict),
            ProblemHttpResult { StatusCode: var status } => Results.StatusCode(status),
            _ => throw new InvalidOperationException("Unexpected result from removing evidence."),
        };
    }

    private static string Back(RespondentView view, string themeKey, string questionKey, string status) =>
        RespondentPages.WithStatus(RespondentPages.Theme(view.Id, themeKey), status, ThemeIds.Question(questionKey));

    /// <summary>The message at the question, under <c>t.theme.evidence_errors</c>.</summary>
    private static string ErrorOf(UploadRefusal refusal) => refusal switch
    {
        UploadRefusal.TooLarge => "too_large",
        UploadRefusal.NotOneFile => "no_file",
        UploadRefusal.Empty => "empty",
        UploadRefusal.UnsupportedType => "unsupported",
        _ => "unreadable",
    };

    private static int StatusOf(UploadRefusal refusal) => refusal switch
    {
        UploadRefusal.TooLarge => StatusCodes.Status413PayloadTooLarge,
        UploadRefusal.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        _ => StatusCodes.Status400BadRequest,
    };
}
