using System.Security.Claims;
using Audit.Api.Answers;
using Audit.Api.Participations;
using Audit.Api.Reviews;
using Audit.Api.SectorViews;
using Audit.Application.Participations;
using Audit.Application.SectorViews;
using Audit.Core.Rounds;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/deelnames/{participationId}/beoordeling</c>: the review form. Every visible question with its answer and
/// an optional remark, a summary, then "return" or "accept" (two submit buttons of one form). The post goes through
/// <see cref="ReviewWorkflow"/>, exactly like <c>POST /api/v1/participations/{id}/reviews</c>: same checks, one
/// transaction, and after an accept the sector view recompute. Refusals come back as the form with what was typed,
/// an error summary linking to the fields (400), or a conflict message when the participation cannot be reviewed (409).
/// </summary>
public static class ReviewPage
{
    public const string Name = "bureau-review";
    public const string DecisionField = "besluit";
    public const string SummaryField = "samenvatting";
    public const string RemarkPrefix = "opmerking:";

    public sealed record ReviewQuestion(QuestionBlock Question, string FieldName, string FieldId, string? Value, string? Error);

    public sealed record ReviewTheme(ThemeBlock Theme, IReadOnlyList<ReviewQuestion> Questions);

    public sealed record Model(
        ParticipationHeader Participation, bool CanReview, IReadOnlyList<ReviewTheme> Themes, string? Summary, string? SummaryError,
        IReadOnlyList<PageError> Errors)
    {
        public int MaxLength => ReviewsApi.MaxTextLength;
    }

    public static async Task<IResult> ShowAsync(
        string participationId, ClaimsPrincipal principal, [AsParameters] BureauServices services, CancellationToken cancellationToken)
    {
        if (await services.Scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return Results.NotFound();
        }
        await LegacyScopes.RecordBureauReadAsync(principal, services.Trail, "answers.read", participationId, "review page", services.Clock, cancellationToken);
        return await FormAsync(scope, services, new Dictionary<string, string?>(), null, [], StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<IResult> SubmitAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, [AsParameters] BureauServices services,
        ISectorRecomputeScheduler recompute, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        if (await services.Scopes.FindVisibleAsync(participationId, principal, cancellationToken) is not { } scope)
        {
            return Results.NotFound();
        }
        // Only fields of this questionnaire's questions count; an empty textarea is no remark.
        var typed = scope.Questionnaire.AllQuestions.ToDictionary(q => q.Key, q => BureauForms.Text(form, RemarkPrefix + q.Key), StringComparer.Ordinal);
        var remarks = typed.Where(r => r.Value is not null).Select(r => new ReviewsApi.RemarkRequest(r.Key, r.Value)).ToList();
        var summary = BureauForms.Text(form, SummaryField);
        var attempt = await ReviewWorkflow.ReviewAsync(scope, form[DecisionField].ToString(), remarks, summary, principal, services.Reviews, recompute,
            services.Clock, cancellationToken);
        if (attempt.Result is { } result)
        {
            var message = result.Participation!.Status == ParticipationStatus.Accepted ? "accepted" : "returned";
            return Results.Redirect($"{BureauPages.ParticipationPath(participationId)}?{ParticipationPage.MessageQuery}={message}");
        }
        if (attempt.NotFound)
        {
            return Results.NotFound();
        }
        var errors = new List<PageError>();
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in attempt.Errors?.Keys ?? Enumerable.Empty<string>())
        {
            if (key == "decision")
            {
                errors.Add(new PageError("besluit-terugsturen", "decision"));
            }
            else if (key == "summary")
            {
                errors.Add(new PageError("samenvatting", "summary_too_long", ReviewsApi.MaxTextLength));
            }
            else if (BureauForms.IndexIn(key, "remarks") is { } i)
            {
                // Only texts can be wrong here: the remarks are built from this questionnaire's questions, blank ones left out.
                var questionKey = remarks[i].QuestionKey!;
                fieldErrors[questionKey] = "remark_too_long";
                errors.Add(new PageError(BureauForms.IdFor("opmerking", questionKey), "remark_too_long", ReviewsApi.MaxTextLength));
            }
        }
        if (attempt.Conflict is not null)
        {
            errors.Add(new PageError(null, "conflict"));
            // The participation changed (or the round did): show it as it now is.
            scope = await services.Scopes.FindVisibleAsync(participationId, principal, cancellationToken) ?? scope;
        }
        return await FormAsync(scope, services, typed, summary, errors,
            attempt.Conflict is not null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, cancellationToken, fieldErrors);
    }

    private static async Task<IResult> FormAsync(
        ParticipationScope scope, BureauServices services, IReadOnlyDictionary<string, string?> typed, string? summary, IReadOnlyList<PageError> errors,
        int status, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? fieldErrors = null)
    {
        var (header, themes) = await services.File().LoadAsync(scope, withHistory: false, cancellationToken);
        var canReview = ParticipationRules.CanReview(scope.Round.Round.Status, scope.Participation.Status).IsAllowed;
        var reviewThemes = themes.Select(t => new ReviewTheme(t, t.Questions.Select(q => new ReviewQuestion(q, RemarkPrefix + q.Key,
            BureauForms.IdFor("opmerking", q.Key), typed.GetValueOrDefault(q.Key), fieldErrors?.GetValueOrDefault(q.Key))).ToList())).ToList();
        var summaryError = errors.Any(e => e.Key == "summary_too_long") ? "summary_too_long" : null;
        return new HtmlPage(Name, new Model(header, canReview, reviewThemes, summary, summaryError, errors), status);
    }
}
