namespace Audit.Reports.Rendering;

/// <summary>
/// Markup the renderer writes unescaped. Only this assembly can make one (the constructor is internal), and it does so
/// only for output it produced itself: rendered includes, whose own <c>{{ }}</c> output was already escaped, and
/// charts built from escaped text. Data and templates cannot mint it, so no respondent's text can become markup.
/// </summary>
public sealed class RawHtml
{
    internal RawHtml(string html) => Html = html;

    public static RawHtml Empty { get; } = new("");

    public string Html { get; }

    public override string ToString() => Html;
}
