using Audit.Api.Hosting;
using Audit.Application.Users;

namespace Audit.Api.Users;

/// <summary>Invitation links on <see cref="AuditOptions.PublicBaseUrl"/>, like the ones mailed for a round.</summary>
public sealed class UserInvitationLinks(PublicLinks links) : IInvitationLinks
{
    public const string NotConfigured =
        "Audit:PublicBaseUrl is not set, so no invitation link can be made: the request's host cannot be trusted for it. " +
        "Set it to the address people reach the service at.";

    public string? Unavailable => links.IsConfigured ? null : NotConfigured;

    public string For(string token) => links.For(InvitationApi.PathFor(token));
}
