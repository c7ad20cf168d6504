using System.Globalization;
using Audit.Application.Access;
using Audit.Application.FollowUps;
using Audit.Application.ValidatedScores;
using Audit.Core.FollowUps;
using Audit.Core.ValidatedScores;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// <c>/bureau/deelnames/{participationId}/scores</c>: per theme the institution's self-assessed score and a form for the
/// bureau's validated one (<see cref="SaveValidatedScore"/>, like <c>PUT …/validated-scores/{themeKey}</c>), and the
/// institution's follow-up of the baseline round's recommendations (read-only). One form per theme, each carrying the
/// version it was opened at, so a colleague's save in between comes back as a conflict instead of being overwritten.
/// </summary>
public static class ValidatedScoresPage
{
    public const string Name = "bureau/validated-scores";
    public const string ScoreField = "score";
    public const string JustificationField = "onderbouwing";
    public const string VersionField = "versie";

    public sealed record ThemeForm(
        string Key, int Number, string Title, decimal? SelfAssessed, string Action, string ScoreId, string Score, string? ScoreError,
        string JustificationId, string? Justification, string? JustificationError, string Version, bool Validated);

    public sealed record FollowUpRow(string Theme, string Recommendation, string? Status, string? Reason);

    public sealed record Model(
        ParticipationHeader Participation, bool CanRecord, string? CannotRecordReason, IReadOnlyList<ThemeForm> Themes, string? BaselineTitle,
        IReadOnlyList<FollowUpRow> FollowUps, IReadOnlyList<PageError> Errors, string? Message)
    {
        public int MaxLength => ValidatedScoreRules.MaxJustificationLength;
    }

    private sealed record Typed(string ThemeKey, string? Score, string? Justification, string? ScoreError, string? JustificationError);

    public static string Path(string participationId) => BureauPages.ParticipationPath(participationId) + "/scores";

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext context, ClaimsPrincipal principal, ReadValidatedScores read, ReadFollowUps followUps,
        CancellationToken cancellationToken)
    {
        var message = BureauForms.Message(context.Request.Query[ParticipationPage.MessageQuery], "saved");
        return await RenderAsync(principal.ToCaller(), participationId, read, followUps, null, [], message, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<IResult> SaveAsync(
        string participationId, string themeKey, HttpContext context, ClaimsPrincipal principal, IAntiforgery antiforgery, ReadValidatedScores read,
        ReadFollowUps followUps, SaveValidatedScore save, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        var caller = principal.ToCaller();
        var scoreText = BureauForms.Text(form, ScoreField);
        var justification = BureauForms.Text(form, JustificationField);
        // A Dutch decimal comma is what people type; anything that is not a number is left to the use case as missing.
        decimal? score = decimal.TryParse(scoreText?.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : null;
        int? expected = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var ifMatch = expected is { } version ? VersionPrecondition.Of(version) : VersionPrecondition.Absent;
        var outcome = await save.ExecuteAsync(caller, participationId, themeKey, new ValidatedScoreInput(score, justification), ifMatch, cancellationToken);
        if (outcome.IsOk)
        {
            return Results.Redirect($"{Path(participationId)}?{ParticipationPage.MessageQuery}=saved#{BureauForms.IdFor("thema", themeKey)}");
        }
        var failure = outcome.Failure;
        var errors = new List<PageError>();
        Typed? typed = null;
        switch (failure)
        {
            case Failure.Invalid invalid:
                var scoreError = invalid.Errors.ContainsKey("score") ? "score" : null;
                var justificationError = invalid.Errors.ContainsKey("justification") ? "justification" : null;
                typed = new Typed(themeKey, scoreText, justification, scoreError, justificationError);
                if (scoreError is not null) errors.Add(new PageError(BureauForms.IdFor(ScoreField, themeKey), scoreError));
                if (justificationError is not null) errors.Add(new PageError(BureauForms.IdFor(JustificationField, themeKey), justificationError, ValidatedScoreRules.MaxJustificationLength));
                break;
            case Failure.Stale or Failure.PreconditionRequired:
                errors.Add(new PageError(null, "conflict"));
                break;
            case Failure.Conflict:
                errors.Add(new PageError(null, "not_allowed"));
                break;
            default:
                return BureauForms.Failed(failure);
        }
        return await RenderAsync(caller, participationId, read, followUps, typed, errors, null, OutcomeProblems.StatusOf(failure) is 412 or 428 ? 409 : OutcomeProblems.StatusOf(failure), cancellationToken);
    }

    private static async Task<IResult> RenderAsync(
        Caller caller, string participationId, ReadValidatedScores read, ReadFollowUps followUps, Typed? typed, IReadOnlyList<PageError> errors,
        string? message, int status, CancellationToken cancellationToken)
    {
        var found = await read.ExecuteAsync(caller, participationId, cancellationToken);
        if (!found.TryGetValue(out var sheet, out var failure) || !caller.IsBureau)
        {
            return BureauForms.Failed(failure ?? new Failure.Forbidden("The bureau's page."));
        }
        var set = (await followUps.ExecuteAsync(caller, participationId, cancellationToken)).Value;
        var questionnaire = sheet.Scope.Questionnaire;
        var themes = sheet.Themes.Select((t, i) =>
        {
            var mine = typed?.ThemeKey == t.ThemeKey ? typed : null;
            return new ThemeForm(t.ThemeKey, i + 1, questionnaire.Themes[i].Title,
                t.SelfAssessed is { } self ? decimal.Round(self, 2, MidpointRounding.AwayFromZero) : null,
                $"{Path(participationId)}/{Uri.EscapeDataString(t.ThemeKey)}",
                BureauForms.IdFor(ScoreField, t.ThemeKey), mine?.Score ?? (t.Default is { } d ? ValidatedScoreRules.Format(d) : ""), mine?.ScoreError,
                BureauForms.IdFor(JustificationField, t.ThemeKey), mine is null ? t.Validated?.Justification : mine.Justification, mine?.JustificationError,
                t.Validated?.Version.ToString(CultureInfo.InvariantCulture) ?? "", t.Validated is not null);
        }).ToList();
        var titles = questionnaire.Themes.ToDictionary(t => t.Key, t => t.Title, StringComparer.Ordinal);
        var rows = set.Items.Select(item => new FollowUpRow(titles.GetValueOrDefault(item.ThemeKey, item.ThemeKey), item.Recommendation,
            item.FollowUp?.Status.ToWireName(), item.FollowUp?.Reason)).ToList();
        return new HtmlPage(Name, new Model(ParticipationHeader.Of(sheet.Scope, sheet.Completeness), sheet.CanRecord.IsAllowed, sheet.CanRecord.Reason,
            themes, set.BaselineTitle, rows, errors, message), status, hasForm: true);
    }
}
