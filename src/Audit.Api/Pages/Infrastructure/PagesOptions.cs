namespace Audit.Api.Pages.Infrastructure;

/// <summary>Configuration section <c>Audit:Pages</c>: the server-rendered web pages.</summary>
public sealed class PagesOptions
{
    public const string SectionName = "Audit:Pages";

    /// <summary>
    /// The form on <c>/aanmelden</c> that exchanges a personal access token for a session. Unset means on in
    /// Development only: in production people sign in with invitation links (or OIDC), and a form that accepts
    /// long-lived API tokens would only widen what a phished token gives away.
    /// </summary>
    public bool? TokenSignIn { get; set; }

    /// <summary>The folder holding <c>pages/</c>; empty means the <c>templates/</c> shipped beside the binaries.</summary>
    public string TemplatesPath { get; set; } = "";

    public bool TokenSignInEnabled(IHostEnvironment environment) => TokenSignIn ?? environment.IsDevelopment();

    public string TemplatesRoot => string.IsNullOrWhiteSpace(TemplatesPath)
        ? Path.Combine(AppContext.BaseDirectory, "templates")
        : Path.GetFullPath(TemplatesPath);
}
