using System.Globalization;
using Audit.Application.Access;
using Audit.Application.FollowUps;
using Audit.Core.FollowUps;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Respondent;

/// <summary>
/// <c>/deelnames/{id}/opvolging</c> ("Opvolging aanbevelingen"), linked from the start page when the round has a baseline:
/// per recommendation of the baseline round, grouped by theme, the recommendation (read-only) and a status with a
/// reason, one form each, posted to <c>/deelnames/{id}/opvolging/{recommendationId}</c> through <see cref="SaveFollowUp"/>
/// (the API's <c>PUT …/recommendation-follow-ups/{id}</c>). A separate page rather than a block on every theme page: the
/// recommendations are about the previous round and are read together, and a theme page stays about this round's
/// questions. Read-only once submitted. Works without JavaScript.
/// </summary>
public static class FollowUpPage
{
    public const string Name = "respondent/follow-ups";
    public const string StatusField = "status";
    public const string ReasonField = "reden";
    public const string VersionField = "versie";

    public sealed record Option(string Value, string Id, bool Checked);

    public sealed record Item(
        string RecommendationId, string Theme, string Recommendation, string FieldsetId, string Action, string? Status, string? Reason,
        string Version, string? StatusError, string? ReasonError, string ReasonId, IReadOnlyList<Option> Options);

    public sealed record Error(string FieldId, string Key);

    public sealed record Model(
        string InstitutionName, string RoundTitle, string? BaselineTitle, bool Editable, string StartHref, IReadOnlyList<Item> Items,
        IReadOnlyList<Error> Errors, string? Message)
    {
        public int MaxLength => FollowUpRules.MaxReasonLength;
    }

    private sealed record Typed(string RecommendationId, string? Status, string? Reason, string? StatusError, string? ReasonError);

    public static string Path(string participationId) => RespondentPages.Start(participationId) + "/opvolging";

    public static async Task<IResult> ShowAsync(
        string participationId, HttpContext http, ClaimsPrincipal principal, ReadFollowUps read, CancellationToken cancellationToken)
    {
        var message = http.Request.Query["status"] == "saved" ? "saved" : null;
        return await RenderAsync(principal.ToCaller(), participationId, read, null, [], message, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<IResult> SaveAsync(
        string participationId, string recommendationId, HttpContext http, ClaimsPrincipal principal, IAntiforgery antiforgery, ReadFollowUps read,
        SaveFollowUp save, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return await RenderAsync(caller, participationId, read, null, [new Error("", "expired")], null, StatusCodes.Status400BadRequest, cancellationToken);
        }
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var status = form[StatusField].ToString();
        var reason = form[ReasonField].ToString();
        int? expected = int.TryParse(form[VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        var ifMatch = expected is { } version ? VersionPrecondition.Of(version) : VersionPrecondition.Absent;
        var outcome = await save.ExecuteAsync(caller, participationId, recommendationId, new FollowUpInput(status.Length == 0 ? null : status, reason), ifMatch, cancellationToken);
        if (outcome.IsOk)
        {
            return Results.Redirect($"{Path(participationId)}?status=saved#{FieldsetId(recommendationId)}");
        }
        var failure = outcome.Failure;
        switch (failure)
        {
            case Failure.Invalid invalid:
                var typed = new Typed(recommendationId, status, reason,
                    invalid.Errors.ContainsKey("status") ? "status" : null, invalid.Errors.ContainsKey("reason") ? (reason.Length > FollowUpRules.MaxReasonLength ? "reason_long" : "reason") : null);
                var errors = new List<Error>();
                if (typed.StatusError is not null) errors.Add(new Error(FieldsetId(recommendationId) + "-" + FollowUpStatus.Implemented.ToWireName(), "status"));
                if (typed.ReasonError is { } re) errors.Add(new Error(ReasonId(recommendationId), re));
                return await RenderAsync(caller, participationId, read, typed, errors, null, StatusCodes.Status400BadRequest, cancellationToken);
            case Failure.Stale or Failure.PreconditionRequired:
                return await RenderAsync(caller, participationId, read, null, [new Error(FieldsetId(recommendationId), "conflict")], null, StatusCodes.Status409Conflict, cancellationToken);
            case Failure.Conflict:
                return await RenderAsync(caller, participationId, read, null, [new Error("", "not_editable")], null, StatusCodes.Status409Conflict, cancellationToken);
            default:
                return RespondentPages.Refused(failure);
        }
    }

    /// <summary>The element id of a recommendation's fieldset, the anchor other pages link to.</summary>
    public static string FieldsetId(string recommendationId) => "aanbeveling-" + recommendationId.Replace('.', '-').Replace('_', '-');

    private static string ReasonId(string recommendationId) => FieldsetId(recommendationId) + "-reden";

    private static async Task<IResult> RenderAsync(
        Caller caller, string participationId, ReadFollowUps read, Typed? typed, IReadOnlyList<Error> errors, string? message, int status,
        CancellationToken cancellationToken)
    {
        var found = await read.ExecuteAsync(caller, participationId, cancellationToken);
        if (!found.TryGetValue(out var set, out var failure))
        {
            return RespondentPages.Refused(failure);
        }
        var scope = set.Scope;
        var titles = scope.Questionnaire.Themes.ToDictionary(t => t.Key, t => t.Title, StringComparer.Ordinal);
        var items = set.Items.Select(i =>
        {
            var mine = typed?.RecommendationId == i.RecommendationId ? typed : null;
            var chosen = mine is null ? i.FollowUp?.Status.ToWireName() : mine.Status;
            var fieldset = FieldsetId(i.RecommendationId);
            return new Item(i.RecommendationId, titles.GetValueOrDefault(i.ThemeKey, i.ThemeKey), i.Recommendation, fieldset,
                $"{Path(participationId)}/{Uri.EscapeDataString(i.RecommendationId)}", chosen, mine is null ? i.FollowUp?.Reason : mine.Reason,
                i.FollowUp?.Version.ToString(CultureInfo.InvariantCulture) ?? "", mine?.StatusError, mine?.ReasonError, ReasonId(i.RecommendationId),
                [.. FollowUpRules.All.Select(s => new Option(s.ToWireName(), fieldset + "-" + s.ToWireName(), s.ToWireName() == chosen))]);
        }).ToList();
        return new HtmlPage(Name, new Model(scope.Participation.InstitutionName, scope.Round.Round.Title, set.BaselineTitle, scope.CanEditAnswers.IsAllowed,
            RespondentPages.Start(participationId), items, errors, message), status, hasForm: true);
    }
}
