namespace Audit.Application.Users;

/// <summary>
/// The absolute sign-in link of an invitation token. The web project writes it from the configured public address:
/// never from the request, whose Host header anyone can set.
/// </summary>
public interface IInvitationLinks
{
    /// <summary>Null when links can be written; otherwise why not (no public address is configured).</summary>
    string? Unavailable { get; }

    string For(string token);
}

/// <summary>An invitation made by an admin: the token and the link to hand to the user.</summary>
public sealed record IssuedInvitation(IssuedToken Issued, string Url);
