using Audit.Core.Rounds;
using Audit.Application.Institutions;

namespace Audit.Api.Institutions;

/// <summary>
/// An institution's contact persons (its respondents), for the bureau: list, add, rename or (de)activate, and send
/// one person a new invitation link. The rules live in <see cref="ReadContacts"/>, <see cref="AddContact"/>,
/// <see cref="UpdateContact"/> and <see cref="ReinviteContact"/>.
/// </summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapInstitutionContacts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Institutions").RequireAuthorization(Policies.Bureau);
        group.MapGet("/institutions/{id}/contacts", ListAsync).WithName("ListInstitutionContacts");
        group.MapPost("/institutions/{id}/contacts", CreateAsync).WithName("CreateInstitutionContact")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/institutions/{id}/contacts/{userId}", UpdateAsync).WithName("UpdateInstitutionContact");
        group.MapPost("/institutions/{id}/contacts/{userId}/invitations", ReinviteAsync).WithName("ReinviteInstitutionContact")
            .WithSummary("Mail one contact person a new one-time link for every open round of the institution")
            .WithDescription("The previous link of each of those rounds stops working. 409 when the institution takes part in no open round " +
                "or the contact person is deactivated; 503 when `Audit:PublicBaseUrl` is not configured.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/institutions/{id}/participations", ParticipationsAsync).WithName("ListInstitutionParticipations");
        return routes;
    }

    public sealed record ContactResponse(string Id, string InstitutionId, string Name, string Email, bool Active, DateTimeOffset CreatedAt)
    {
        public static ContactResponse From(User user) => new(user.Id, user.InstitutionId ?? "", user.Name, user.Email, user.Active, user.CreatedAt);
    }

    public sealed record ContactList(IReadOnlyList<ContactResponse> Items);

    public sealed record CreateContactRequest(string? Name, string? Email);

    public sealed record UpdateContactRequest(string? Name, bool? Active);

    public sealed record ReinvitationResponse(string UserId, IReadOnlyList<string> RoundIds);

    public sealed record ParticipationItem(
        string ParticipationId, string RoundId, string RoundTitle, string RoundStatus, string Status, DateTimeOffset ClosesAt);

    public sealed record ParticipationList(IReadOnlyList<ParticipationItem> Items);

    public static async Task<Results<Ok<ContactList>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal principal, ReadContacts read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), id, cancellationToken)).ToResult(file =>
            TypedResults.Ok(new ContactList(file.Contacts.Select(ContactResponse.From).ToList())));

    public static async Task<Results<Created<ContactResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string id, CreateContactRequest request, ClaimsPrincipal principal, AddContact add, CancellationToken cancellationToken) =>
        (await add.ExecuteAsync(principal.ToCaller(), id, new NewContact(request.Name, request.Email), cancellationToken)).ToResults(user =>
            TypedResults.Created($"/api/v1/institutions/{Uri.EscapeDataString(id)}/contacts/{user.Id}", ContactResponse.From(user)));

    public static async Task<Results<Ok<ContactResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, string userId, UpdateContactRequest request, ClaimsPrincipal principal, UpdateContact update, CancellationToken cancellationToken) =>
        (await update.ExecuteAsync(principal.ToCaller(), id, userId, new ContactChange(request.Name, request.Active), cancellationToken))
            .ToResults(user => TypedResults.Ok(ContactResponse.From(user)));

    public static async Task<Results<Accepted<ReinvitationResponse>, ProblemHttpResult>> ReinviteAsync(
        string id, string userId, ClaimsPrincipal principal, ReinviteContact reinvite, CancellationToken cancellationToken) =>
        (await reinvite.ExecuteAsync(principal.ToCaller(), id, userId, cancellationToken)).ToResult(done =>
            TypedResults.Accepted((string?)null, new ReinvitationResponse(done.UserId, done.RoundIds)));

    public static async Task<Results<Ok<ParticipationList>, ProblemHttpResult>> ParticipationsAsync(
        string id, ClaimsPrincipal principal, ReadContacts read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(principal.ToCaller(), id, cancellationToken)).ToResult(file =>
            TypedResults.Ok(new ParticipationList(file.Participations.Select(p => new ParticipationItem(
                p.ParticipationId, p.RoundId, p.RoundTitle, p.RoundStatus.ToWireName(), p.Status.ToWireName(), p.ClosesAt)).ToList())));
}
