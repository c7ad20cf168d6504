using Audit.Application.Access;
using Audit.Application.Reviews;
using Audit.Core.FollowUps;
using Audit.Core.Questionnaires;
using Audit.Core.Reviews;
using Audit.Core.Rounds;
using Audit.Reports.Localization;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/deelnames/{participationId}/beoordeling</c>: the review form. Every visible question with its answer and
/// an optional remark behind "add a remark" (a <c>details</c>, so it works without script; open when it holds text), a
/// summary, then "return" or "accept" (two submit buttons of one form). Accepting is final, so the accept button leads
/// to a confirmation step first (<see cref="ConfirmName"/>): the same post again with <see cref="ConfirmField"/> set,
/// carrying what was typed. The post goes through <see cref="ReviewSubmission"/>, exactly like
/// <c>POST /api/v1/participations/{id}/reviews</c>: same checks (a return needs a remark or a summary), one transaction
/// with the mails to the institution, and after an accept the sector view recompute. Refusals come back as the form
/// with what was typed, an error summary linking to the fields (400), or a conflict message when the participation
/// cannot be reviewed (409).
/// </summary>
public static class ReviewPage
{
    public const string Name = "bureau/review";
    public const string ConfirmName = "bureau/review-confirm";
    public const string DecisionField = "besluit";

    /// <summary>Set by the confirmation step only: an accept without it shows the confirmation instead of accepting.</summary>
    public const string ConfirmField = "bevestiging";
    public const string ConfirmValue = "definitief";

    /// <summary>The confirmation step's way back: the form again, with what was typed, and nothing stored.</summary>
    public const string BackValue = "terug";
    public const string SummaryField = "samenvatting";
    public const string RemarkPrefix = "opmerking:";

    /// <summary>Where the answers are shown, for the confidential read on the audit trail.</summary>
    private const string ShownOn = "review page";

    public sealed record ReviewQuestion(QuestionBlock Question, string FieldName, string FieldId, string? Value, string? Error);

    public sealed record ReviewTheme(ThemeBlock Theme, IReadOnlyList<ReviewQuestion> Questions);

    /// <summary>One recommendation of the baseline round and how the institution says it followed it up (null status: not stated).</summary>
    public sealed record FollowUpLine(string Theme, string Recommendation, string? Status, string? Reason);

    public sealed record Model(
        ParticipationHeader Participation, bool CanReview, IReadOnlyList<ReviewTheme> Themes, string? Summary, string? SummaryError,
        IReadOnlyList<PageError> Errors, string? BaselineTitle = null, IReadOnlyList<FollowUpLine>? FollowUps = null)
    {
        public int MaxLength => ReviewTexts.MaxTextLength;
    }

    /// <summary>A form field carried unchanged through the confirmation step.</summary>
    public sealed record CarriedField(string Name, string Value);

    /// <summary>The confirmation before accepting: who, the summary that goes with it, and what was typed, to post again.</summary>
    public sealed record ConfirmModel(ParticipationHeader Participation, string? Summary, int Remarks, IReadOnlyList<CarriedField> Carried);

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, ReadParticipationFile read, CancellationToken cancellationToken)
    {
        var found = await read.ExecuteAsync(principal.ToCaller(), participationId, ShownOn, withHistory: false, cancellationToken);
        return found.TryGetValue(out var file, out var failure)
            ? Form(file, new Dictionary<string, string?>(), null, [], StatusCodes.Status200OK, PageLanguage.Resolve(context).Code())
            : BureauForms.Failed(failure);
    }

    public static async Task<IResult> SubmitAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, ReadParticipationFile read,
        ReviewSubmission review, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var scoped = await read.ScopeAsync(caller, participationId, cancellationToken);
        if (!scoped.TryGetValue(out var scope, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        // Only fields of this questionnaire's questions count; an empty textarea is no remark.
        var typed = scope.Questionnaire.AllQuestions.ToDictionary(q => q.Key, q => BureauForms.Text(form, RemarkPrefix + q.Key), StringComparer.Ordinal);
        var remarks = typed.Where(r => r.Value is not null).Select(r => new RemarkInput(r.Key, r.Value)).ToList();
        var summary = BureauForms.Text(form, SummaryField);
        var decision = form[DecisionField].ToString();
        if (decision == "accept" && form[ConfirmField].ToString() != ConfirmValue)
        {
            return await ConfirmAsync(caller, participationId, read, remarks, summary, PageLanguage.Resolve(context).Code(), cancellationToken);
        }
        if (decision == BackValue)
        {
            var again = await read.ExecuteAsync(caller, participationId, ShownOn, withHistory: false, cancellationToken);
            return again.TryGetValue(out var back, out var backFailure)
                ? Form(back, typed, summary, [], StatusCodes.Status200OK, PageLanguage.Resolve(context).Code())
                : BureauForms.Failed(backFailure);
        }
        var outcome = await review.ExecuteAsync(caller, participationId, new ReviewInput(decision, remarks, summary), cancellationToken);
        if (outcome.TryGetValue(out var done, out failure))
        {
            var message = done.Participation.Status == ParticipationStatus.Accepted ? "accepted" : "returned";
            return Results.Redirect($"{BureauPages.ParticipationPath(participationId)}?{ParticipationPage.MessageQuery}={message}");
        }
        if (failure is not (Failure.Invalid or Failure.Conflict))
        {
            return BureauForms.Failed(failure);
        }
        var (errors, fieldErrors) = ErrorsOf(failure, remarks);
        // Read again: on a conflict the participation (or its round) changed, and the form shows it as it now is.
        var reread = await read.ExecuteAsync(caller, participationId, ShownOn, withHistory: false, cancellationToken);
        return reread.TryGetValue(out var file, out var readFailure)
            ? Form(file, typed, summary, errors, OutcomeProblems.StatusOf(failure), PageLanguage.Resolve(context).Code(), fieldErrors)
            : BureauForms.Failed(readFailure);
    }

    /// <summary>
    /// The confirmation step: nothing is stored. A participation that cannot be reviewed any more gets the form with the
    /// conflict message (409), as the confirmed post would, rather than a question it cannot answer.
    /// </summary>
    private static async Task<IResult> ConfirmAsync(
        Caller caller, string participationId, ReadParticipationFile read, IReadOnlyList<RemarkInput> remarks, string? summary,
        string pageLanguage, CancellationToken cancellationToken)
    {
        var found = await read.ExecuteAsync(caller, participationId, ShownOn, withHistory: false, cancellationToken);
        if (!found.TryGetValue(out var file, out var failure))
        {
            return BureauForms.Failed(failure);
        }
        if (!file.CanReview)
        {
            return Form(file, new Dictionary<string, string?>(), summary, [new PageError(null, "conflict")], StatusCodes.Status409Conflict, pageLanguage);
        }
        var carried = remarks.Select(r => new CarriedField(RemarkPrefix + r.QuestionKey, r.Text!)).ToList();
        if (summary is not null)
        {
            carried.Add(new CarriedField(SummaryField, summary));
        }
        return new HtmlPage(ConfirmName, new ConfirmModel(ParticipationHeader.Of(file.Scope, file.Completeness), summary, remarks.Count, carried));
    }

    /// <summary>The use case's errors at this form's fields: its keys follow the API body (<c>remarks[i].text</c> etc.).</summary>
    private static (List<PageError> Errors, Dictionary<string, string> FieldErrors) ErrorsOf(Failure failure, IReadOnlyList<RemarkInput> remarks)
    {
        var errors = new List<PageError>();
        var fieldErrors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in (failure as Failure.Invalid)?.Errors.Keys ?? [])
        {
            if (key == "decision")
            {
                errors.Add(new PageError("besluit-terugsturen", "decision"));
            }
            else if (key == "summary")
            {
                errors.Add(new PageError("samenvatting", "summary_too_long", ReviewTexts.MaxTextLength));
            }
            else if (key == "remarks")
            {
                // A return without any remark or summary: the summary is the one field always in view.
                errors.Add(new PageError("samenvatting", "return_needs_remark"));
            }
            else if (BureauForms.IndexIn(key, "remarks") is { } i)
            {
                // Only texts can be wrong here: the remarks are built from this questionnaire's questions, blank ones left out.
                var questionKey = remarks[i].QuestionKey!;
                fieldErrors[questionKey] = "remark_too_long";
                errors.Add(new PageError(BureauForms.IdFor("opmerking", questionKey), "remark_too_long", ReviewTexts.MaxTextLength));
            }
        }
        if (failure is Failure.Conflict)
        {
            errors.Add(new PageError(null, "conflict"));
        }
        return (errors, fieldErrors);
    }

    private static HtmlPage Form(
        ParticipationFile file, IReadOnlyDictionary<string, string?> typed, string? summary, IReadOnlyList<PageError> errors, int status,
        string pageLanguage, IReadOnlyDictionary<string, string>? fieldErrors = null)
    {
        var reviewThemes = ParticipationFileView.ThemesOf(file, pageLanguage).Select(t => new ReviewTheme(t, t.Questions.Select(q => new ReviewQuestion(q, RemarkPrefix + q.Key,
            BureauForms.IdFor("opmerking", q.Key), typed.GetValueOrDefault(q.Key), fieldErrors?.GetValueOrDefault(q.Key))).ToList())).ToList();
        var summaryError = errors.FirstOrDefault(e => e.Key is "summary_too_long" or "return_needs_remark")?.Key;
        var titles = file.Scope.Questionnaire.In(pageLanguage).Themes.ToDictionary(t => t.Key, t => t.Title, StringComparer.Ordinal);
        var followUps = file.FollowUps?.Items.Select(i => new FollowUpLine(titles.GetValueOrDefault(i.ThemeKey, i.ThemeKey), i.Recommendation,
            i.FollowUp?.Status.ToWireName(), i.FollowUp?.Reason)).ToList() ?? [];
        return new HtmlPage(Name, new Model(ParticipationHeader.Of(file.Scope, file.Completeness), file.CanReview, reviewThemes, summary, summaryError, errors,
            file.FollowUps?.BaselineTitle, followUps), status);
    }
}
