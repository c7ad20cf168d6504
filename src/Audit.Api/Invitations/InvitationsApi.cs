using Audit.Application.Invitations;
using Microsoft.AspNetCore.Mvc;

namespace Audit.Api.Invitations;

/// <summary>
/// The bureau sends a round's invitation mails. The work is <see cref="SendRoundInvitations"/>; this is its HTTP face.
/// </summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapRoundInvitations(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1").WithTags("Rounds").RequireAuthorization(Policies.Bureau)
            .MapPost("/rounds/{roundId}/invitations", SendAsync).WithName("SendRoundInvitations")
            .WithSummary("Mail every respondent of the round's participations a personal invitation link")
            .WithDescription(
                "Queues one e-mail per active respondent of each participating institution (optionally of one institution type), " +
                "with a one-time sign-in link that stays valid until 14 days after the deadline. Idempotent: a respondent who " +
                "was invited to the round already is skipped, unless `resend` is true, which revokes their previous link and " +
                "mails a new one. Only for open rounds (409 otherwise); 503 when `Audit:PublicBaseUrl` is not configured.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    /// <summary>Both fields optional; an empty body invites every participation's contacts once.</summary>
    public sealed record SendInvitationsRequest(string? InstitutionType, bool? Resend);

    /// <summary>The counts of <see cref="InvitationBatch"/>.</summary>
    public sealed record InvitationBatchResponse(
        int Queued, int Resent, int SkippedAlreadyInvited, int WithoutContact, IReadOnlyList<string> InstitutionsWithoutContact);

    public static async Task<Results<Accepted<InvitationBatchResponse>, ValidationProblem, ProblemHttpResult>> SendAsync(
        string roundId, [FromBody] SendInvitationsRequest? request, SendRoundInvitations send, ClaimsPrincipal principal,
        CancellationToken cancellationToken) =>
        (await send.ExecuteAsync(principal.ToCaller(), roundId, request?.InstitutionType, request?.Resend ?? false, cancellationToken))
            .ToResults(batch => TypedResults.Accepted((string?)null, new InvitationBatchResponse(
                batch.Queued, batch.Resent, batch.SkippedAlreadyInvited, batch.WithoutContact, batch.InstitutionsWithoutContact)));
}
