using Microsoft.AspNetCore.Antiforgery;

namespace Audit.Api.Pages.Bureau;

/// <summary>
/// A problem with a form, for the error summary at the top and the message at the field. <see cref="Key"/> names the
/// text under the page's <c>errors</c> section, filled with <see cref="Arg"/>; <see cref="FieldId"/> is the id of the
/// field the summary links to (null for a problem of the whole form).
/// </summary>
public sealed record PageError(string? FieldId, string Key, object? Arg = null);

/// <summary>Reading the bureau's form posts: the antiforgery field first, so a forged or stale post changes nothing.</summary>
public static class BureauForms
{
    /// <summary>The form, or null when it is missing or its antiforgery token does not check out.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return await antiforgery.IsRequestValidAsync(context) ? form : null;
    }

    /// <summary>The page for a refused form: 400, "the form may have expired, go back and try again".</summary>
    public static HtmlPage Refused(HttpContext context) => ProblemPage.For(context, StatusCodes.Status400BadRequest);

    /// <summary>
    /// A use case's refusal that the page does not render itself, as a bare status: the status code pages turn it into
    /// the friendly problem page (404 "not found" for a participation the caller may not see).
    /// </summary>
    public static IResult Failed(Failure failure) => Results.StatusCode(OutcomeProblems.StatusOf(failure));

    /// <summary>A field's text, or null when it is empty or only white space (an empty textarea is "no remark").</summary>
    public static string? Text(IFormCollection form, string name) =>
        form[name].ToString() is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The status message to show after a redirect, when <paramref name="value"/> is one of <paramref name="known"/>.</summary>
    public static string? Message(string? value, params string[] known) => known.Contains(value, StringComparer.Ordinal) ? value : null;

    /// <summary>The list index in a validation key such as <c>remarks[3].text</c> (with <paramref name="list"/> "remarks"); null for other keys.</summary>
    public static int? IndexIn(string key, string list) =>
        key.StartsWith(list + "[", StringComparison.Ordinal) && key.IndexOf(']', StringComparison.Ordinal) is > 0 and var end
        && int.TryParse(key.AsSpan(list.Length + 1, end - list.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    /// <summary>An element id for a key such as a question key ("governance.bestuurder" → "prefix-governance-bestuurder").</summary>
    public static string IdFor(string prefix, string key) => prefix + "-" + key.Replace('.', '-').Replace('_', '-');
}
