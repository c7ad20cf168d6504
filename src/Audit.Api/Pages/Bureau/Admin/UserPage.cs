using Audit.Core.Time;
using Audit.Application.Users;
using Audit.Reports.Localization;
using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau.Admin;

/// <summary>
/// <c>/bureau/gebruikers/{id}</c> (admins): one account with its live tokens. Buttons (de)activate it
/// (<see cref="UpdateUser"/>), revoke a token (<see cref="RevokeUserToken"/>) and make a one-time sign-in link
/// (<see cref="InviteUser"/>), each as the users API does. The link is shown once, on the page that made it, and is not
/// stored in plain text anywhere; the other buttons redirect back with a message.
/// </summary>
public static class UserPage
{
    public const string Name = "bureau/user";
    public const string ActiveField = "actief";

    public static readonly IReadOnlyList<string> Messages = ["created", "activated", "deactivated", "revoked"];

    public sealed record TokenRow(string Id, string Kind, string CreatedAt, string? ExpiresAt, string? LastUsedAt, string RevokeAction);

    public sealed record Invitation(string Url, string ExpiresAt);

    public sealed record Model(
        string Id, string Name, string Email, string Role, bool Active, bool IsSelf, string CreatedAt, IReadOnlyList<TokenRow> Tokens,
        string StatusAction, string InviteAction, string? Message, Invitation? Link, string? Problem);

    public static string StatusPath(string id) => UsersPage.UserPath(id) + "/status";

    public static string InvitePath(string id) => UsersPage.UserPath(id) + "/uitnodiging";

    public static string RevokePath(string id, string tokenId) => $"{UsersPage.UserPath(id)}/tokens/{Uri.EscapeDataString(tokenId)}/intrekken";

    public static async Task<IResult> ShowAsync(
        string id, HttpContext context, ClaimsPrincipal principal, ReadUsers read, ReadUserTokens tokens, CancellationToken cancellationToken) =>
        await RenderAsync(id, context, principal, read, tokens, BureauForms.Message(context.Request.Query[QuestionnairesPage.MessageQuery], [.. Messages]),
            null, null, StatusCodes.Status200OK, cancellationToken);

    public static async Task<IResult> ChangeStatusAsync(
        string id, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, UpdateUser update, CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is not { } form)
        {
            return BureauForms.Refused(context);
        }
        bool? active = form[ActiveField].ToString() switch { "ja" => true, "nee" => false, _ => null };
        if (active is null)
        {
            return BureauForms.Refused(context);
        }
        var outcome = await update.ExecuteAsync(principal.ToCaller(), id, new UserChange(null, null, active), cancellationToken);
        return outcome.IsOk
            ? Back(id, active.Value ? "activated" : "deactivated")
            : BureauForms.Failed(outcome.Failure);
    }

    public static async Task<IResult> RevokeAsync(
        string id, string tokenId, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, RevokeUserToken revoke,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is null)
        {
            return BureauForms.Refused(context);
        }
        var outcome = await revoke.ExecuteAsync(principal.ToCaller(), id, tokenId, cancellationToken);
        return outcome.IsOk ? Back(id, "revoked") : BureauForms.Failed(outcome.Failure);
    }

    public static async Task<IResult> InviteAsync(
        string id, HttpContext context, IAntiforgery antiforgery, ClaimsPrincipal principal, InviteUser invite, ReadUsers read, ReadUserTokens tokens,
        CancellationToken cancellationToken)
    {
        if (await BureauForms.ReadAsync(context, antiforgery) is null)
        {
            return BureauForms.Refused(context);
        }
        var outcome = await invite.ExecuteAsync(principal.ToCaller(), id, cancellationToken);
        if (outcome.TryGetValue(out var issued, out var failure))
        {
            var link = new Invitation(issued.Url, new ReportFormatter(PageLanguage.Resolve(context)).DateTime(issued.Issued.ExpiresAt));
            return await RenderAsync(id, context, principal, read, tokens, null, link, null, StatusCodes.Status200OK, cancellationToken);
        }
        return failure is Failure.Unavailable
            ? await RenderAsync(id, context, principal, read, tokens, null, null, "no_public_url", StatusCodes.Status503ServiceUnavailable, cancellationToken)
            : BureauForms.Failed(failure);
    }

    private static RedirectHttpResult Back(string id, string message) =>
        TypedResults.Redirect($"{UsersPage.UserPath(id)}?{QuestionnairesPage.MessageQuery}={message}");

    private static async Task<IResult> RenderAsync(
        string id, HttpContext context, ClaimsPrincipal principal, ReadUsers read, ReadUserTokens tokens, string? message, Invitation? link,
        string? problem, int status, CancellationToken cancellationToken)
    {
        var caller = principal.ToCaller();
        if (!(await read.GetAsync(caller, id, cancellationToken)).TryGetValue(out var user, out var failure)
            || !(await tokens.ExecuteAsync(caller, id, cancellationToken)).TryGetValue(out var live, out failure))
        {
            return BureauForms.Failed(failure);
        }
        var language = PageLanguage.Resolve(context);
        string? When(DateTimeOffset? moment) => moment is { } m ? new ReportFormatter(language).DateTime(m) : null;
        var rows = live.Select(t => new TokenRow(t.Id, t.Kind.ToWireName(), When(t.CreatedAt)!, When(t.ExpiresAt), When(t.LastUsedAt), RevokePath(id, t.Id))).ToList();
        return new HtmlPage(Name, new Model(user.Id, user.Name, user.Email, user.Role.ToWireName(), user.Active, user.Id == principal.GetUserId(),
            When(user.CreatedAt)!, rows, StatusPath(id), InvitePath(id), message, link, problem), status, hasForm: true);
    }
}
