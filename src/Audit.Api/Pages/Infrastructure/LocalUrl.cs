namespace Audit.Api.Pages.Infrastructure;

/// <summary>Return addresses after sign-in: only paths on this site, so a crafted link cannot send someone elsewhere.</summary>
public static class LocalUrl
{
    /// <summary>True for "/x?y"; false for "//host" and "/\host" (which browsers treat as another site), absolute URLs and control characters.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string? OrNull(string? url) => IsLocal(url) ? url : null;
}
